package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.functions.BenchmarkFunction;
import org.tunelab.functions.BenchmarkFunctions;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class GpSamplerTest extends SamplerContract {
  @Override
  protected Sampler newSampler(long seed) {
    return GpSampler.builder().seed(seed).candidates(128).build();
  }

  @Override
  protected int trials() {
    return 16;
  }

  @Override
  protected int reproducibleTrialsInParallel() {
    return 10;
  }

  @Test
  void findsBraninsMinimumTightlyIn40Trials() {
    BenchmarkFunction branin = BenchmarkFunctions.get("branin");
    Study study = Study.builder(new InMemoryStorage()).name("b").sampler(GpSampler.builder().seed(0).build()).build();
    study.optimize(t -> branin.evaluate(t.params()), OptimizeOptions.trials(40).withSpace(branin.searchSpace()));
    double regret = branin.regret(study.bestTrial().orElseThrow().value());
    assertTrue(regret < 0.05, "regret " + regret); // random search: about 0.9 at 40 trials
  }

  @Test
  void logHIsAccurateWhereEiUnderflows() {
    // log(phi(z) + z Phi(z)) ~ -z^2/2 - log(sqrt(2 pi)) - 2 log|z| for very negative z.
    double z = -40;
    double asymptote = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
    assertEquals(asymptote, Acquisition.logH(z), 1e-2);
    assertEquals(Math.log(0.3989422804014327), Acquisition.logH(0), 1e-12);
    double z1 = -1.5; // both branches agree at the switch point's neighbourhood
    double direct = Math.log(Math.exp(-0.5 * z1 * z1) / Math.sqrt(2 * Math.PI)
        + z1 * 0.5 * org.apache.commons.math3.special.Erf.erfc(-z1 / Math.sqrt(2)));
    assertEquals(direct, Acquisition.logH(z1), 1e-9);
  }

  @Test
  void likelihoodGradientMatchesFiniteDifferences() {
    double[][] x = {{0.1, 0}, {0.5, 1}, {0.9, 2}, {0.3, 1}, {0.7, 0}};
    double[] y = Targets.standardise(new double[] {1, 3, 2, 5, 4});
    boolean[] cat = {false, true};
    double[] t = {0.3, -0.2, 0.1, Math.log(0.05)};
    double[] g = new double[4];
    double f = GpFit.negLogPosterior(x, y, cat, t, g, false);
    for (int i = 0; i < t.length; i++) {
      double[] tp = t.clone();
      tp[i] += 1e-6;
      double fd = (GpFit.negLogPosterior(x, y, cat, tp, new double[4], false) - f) / 1e-6;
      assertEquals(fd, g[i], 1e-3 * Math.max(1, Math.abs(fd)), "d/dt" + i);
    }
  }

  @Test
  void convergesToTheConstrainedOptimumNotTheUnconstrainedOne() {
    Sampler gp = GpSampler.builder().seed(1).candidates(256)
        .constraints((trial, values) -> new double[] {0.5 - (double) trial.params().get("x")}).build();
    Study study = Study.builder(new InMemoryStorage()).name("c").sampler(gp).build();
    study.optimize(t -> Math.pow(t.suggestFloat("x", 0, 1), 2), 30);
    List<FrozenTrial> late = study.trials(Set.of(TrialState.COMPLETE)).subList(15, 30);
    // Unconstrained minimum at x = 0; the feasible one (x >= 0.5) at 0.5, which late trials hug.
    long near = late.stream().filter(t -> Math.abs((double) t.params().get("x") - 0.5) < 0.01).count();
    assertTrue(near >= 12, near + " of 15 late trials within 0.01 of the constrained optimum");
  }

  @Test
  void handlesTwoObjectives() {
    Study study = Study.builder(new InMemoryStorage()).name("mo").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
        .sampler(GpSampler.builder().seed(2).candidates(128).build()).build();
    study.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      return new double[] {x, 1 - x * x};
    }, OptimizeOptions.trials(16));
    assertEquals(16, study.trials(Set.of(TrialState.COMPLETE)).size());
  }
}
