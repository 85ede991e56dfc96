package org.tunelab.sampler.tpe;

import java.util.SplittableRandom;

/**
 * One parameter's kernels in a Parzen estimator: kernel {@code k} is a distribution over the
 * parameter's internal values. The last kernel is always the prior.
 */
interface KernelDim {

  int kernels();

  /** A draw from kernel {@code k}, in the parameter's internal representation and inside its range. */
  double sample(int k, SplittableRandom rng);

  /** The log density (log mass for discrete parameters) of kernel {@code k} at internal value {@code x}. */
  double logPdf(int k, double x);

  /**
   * What {@link #logPdf(int, double, double)} needs of {@code x} whatever the kernel, computed once
   * per point instead of once per kernel (numeric parameters: the value in kernel space).
   */
  default double prepare(double x) {
    return x;
  }

  /** {@link #logPdf(int, double)}, bit for bit, given {@code prepared = prepare(x)}. */
  default double logPdf(int k, double x, double prepared) {
    return logPdf(k, x);
  }

  /**
   * An upper bound of {@link #logPdf} of kernel {@code k} over all x, cheap to compute: lets a
   * multivariate mixture skip kernels that cannot matter at a point after a few dimensions.
   */
  double maxLogPdf(int k);
}
