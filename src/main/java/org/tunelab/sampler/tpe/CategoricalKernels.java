package org.tunelab.sampler.tpe;

import java.util.SplittableRandom;

/**
 * Categorical kernels as Optuna builds them: each observation's row starts at
 * {@code priorWeight / nKernels} on every choice, gets +1 on the observed choice and is normalised;
 * the prior row is uniform. A row thus takes only two values, which is all this class stores.
 */
final class CategoricalKernels implements KernelDim {
  private final int choices;
  /** The observed choice of each kernel; -1 for the prior. */
  private final int[] observed;
  private final double hit;
  private final double miss;

  CategoricalKernels(double[] observations, int choices, double priorWeight) {
    this.choices = choices;
    int n = observations.length;
    this.observed = new int[n + 1];
    for (int i = 0; i < n; i++) observed[i] = (int) observations[i];
    observed[n] = -1;
    int nKernels = n + 1;
    double base = priorWeight / nKernels;
    double rowSum = base * choices + 1;
    this.hit = (base + 1) / rowSum;
    this.miss = base / rowSum;
    this.logHit = Math.log(hit);
    this.logMiss = Math.log(miss);
    this.logUniform = Math.log(1.0 / choices);
  }

  private final double logHit;
  private final double logMiss;
  private final double logUniform;

  @Override
  public int kernels() {
    return observed.length;
  }

  /** Probability of choice {@code c} under kernel {@code k}. */
  double probability(int k, int c) {
    if (observed[k] < 0) return 1.0 / choices;
    return c == observed[k] ? hit : miss;
  }

  @Override
  public double sample(int k, SplittableRandom rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    for (int c = 0; c < choices - 1; c++) {
      cumulative += probability(k, c);
      if (u < cumulative) return c;
    }
    return choices - 1;
  }

  @Override
  public double logPdf(int k, double x) {
    // The logarithms of the three values probability() takes, computed once.
    if (observed[k] < 0) return logUniform;
    return (int) x == observed[k] ? logHit : logMiss;
  }

  @Override
  public double maxLogPdf(int k) {
    return 0.0; // a probability
  }
}
