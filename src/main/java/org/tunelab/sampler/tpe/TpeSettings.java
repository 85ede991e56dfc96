package org.tunelab.sampler.tpe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Every option of a {@link TpeSampler}, validated; {@link #asMap()} is what the study records. */
record TpeSettings(long seed, int nStartupTrials, int nEiCandidates, IntUnaryOperator gamma, String gammaName,
    IntFunction<double[]> weights, String weightsName, ParzenOptions parzen, boolean group, boolean constantLiar,
    boolean constraints, TpeSampler.ConstraintsFunction constraintsFunction, boolean rankWeights) {


  TpeSettings {
    if (nStartupTrials < 0) throw new IllegalArgumentException("n_startup_trials must be >= 0, got " + nStartupTrials);
    if (nEiCandidates < 1) throw new IllegalArgumentException("n_ei_candidates must be >= 1, got " + nEiCandidates);
    if (group && !parzen.multivariate()) {
      throw new IllegalArgumentException("group decomposition needs multivariate=true");
    }
  }

  boolean multivariate() {
    return parzen.multivariate();
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "tpe");
    m.put("seed", seed);
    m.put("n_startup_trials", nStartupTrials);
    m.put("n_ei_candidates", nEiCandidates);
    m.put("gamma", gammaName);
    m.put("weights", weightsName);
    m.put("prior_weight", parzen.priorWeight());
    m.put("consider_magic_clip", parzen.magicClip());
    m.put("consider_endpoints", parzen.considerEndpoints());
    m.put("multivariate", parzen.multivariate());
    m.put("group", group);
    m.put("constant_liar", constantLiar);
    m.put("constraints", constraints);
    m.put("optuna31_scoring", parzen.scaleWeighted());
    m.put("gap_sigmas", parzen.gapSigmas());
    m.put("rank_weights", rankWeights);
    return m;
  }
}
