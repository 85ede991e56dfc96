package org.tunelab.sampler.tpe;

/**
 * The knobs of the Parzen estimator, as Optuna names them.
 *
 * @param scaleWeighted score candidates as Optuna 3.1 does: its truncated-normal log-pdf omits the
 *     {@code -log sigma} term, so each continuous kernel counts in proportion to its bandwidth. Not a
 *     density any more, but on the public benchmarks it ranks candidates markedly better (wide
 *     kernels of g(x) flatten it, which favours l(x)'s peaks); sampling is unaffected.
 * @param multivariate whether sigmas follow the multivariate rule (Scott-like, same for every kernel)
 *     rather than the univariate neighbour-gap rule
 * @param gapSigmas with multivariate: each kernel's bandwidth in each dimension follows the
 *     univariate neighbour-gap rule, so joint kernels narrow where good trials cluster
 */
record ParzenOptions(double priorWeight, boolean magicClip, boolean considerEndpoints, boolean multivariate,
    boolean scaleWeighted, boolean gapSigmas) {
  ParzenOptions(double priorWeight, boolean magicClip, boolean considerEndpoints, boolean multivariate,
      boolean scaleWeighted) {
    this(priorWeight, magicClip, considerEndpoints, multivariate, scaleWeighted, false);
  }

  ParzenOptions {
    if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
      throw new IllegalArgumentException("prior weight must be > 0 and finite, got " + priorWeight);
    }
  }
}
