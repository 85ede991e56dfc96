package org.tunelab.sampler.tpe;

/**
 * The knobs of the Parzen estimator, as Optuna names them.
 *
 * @param multivariate whether sigmas follow the multivariate rule (Scott-like, same for every kernel)
 *     rather than the univariate neighbour-gap rule
 */
record ParzenOptions(double priorWeight, boolean magicClip, boolean considerEndpoints, boolean multivariate) {
  ParzenOptions {
    if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
      throw new IllegalArgumentException("prior weight must be > 0 and finite, got " + priorWeight);
    }
  }
}
