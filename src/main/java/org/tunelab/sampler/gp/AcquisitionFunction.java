package org.tunelab.sampler.gp;

/**
 * What {@link AcquisitionOptimizer} maximises: a score of a point in the GP's unit coordinates,
 * larger is better; {@code -infinity} or NaN for points it cannot score. Called from the asking
 * thread only; implementations are immutable.
 */
interface AcquisitionFunction {
  double value(double[] x);
}
