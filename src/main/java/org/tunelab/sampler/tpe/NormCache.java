package org.tunelab.sampler.tpe;

import java.util.Arrays;

/**
 * The truncation constants (log mass inside the bounds, and the two tail masses sampling needs) of
 * one parameter's kernels, remembered per
 * trial number from one proposal to the next. A kernel's constant depends only on its centre, its
 * bandwidth and the bounds, and from one trial to the next almost every kernel keeps both (only the
 * new observation's neighbours change bandwidth), so most of the error-function evaluations of a
 * proposal are lookups. Entries are keyed by the exact centre and bandwidth, so a stale entry is
 * never used: the values are the ones a fresh computation gives, bit for bit, and the cache only
 * saves time. Thread-safe.
 */
final class NormCache {
  private double kLow = Double.NaN;
  private double kHigh = Double.NaN;
  private double step = Double.NaN;
  private double[] mu = new double[0];
  private double[] sigma = new double[0];
  private double[] logNorm = new double[0];
  private double[] lowerTail = new double[0];
  private double[] upperTail = new double[0];

  /** Copies the known constants of {@code kernels} (kernel i is trial {@code numbers[i]}) into them. */
  synchronized void fill(int[] numbers, NumericKernels kernels) {
    if (!sameBounds(kernels)) return;
    for (int k = 0; k < numbers.length; k++) {
      int t = numbers[k];
      if (t < mu.length && same(mu[t], kernels.mu[k]) && same(sigma[t], kernels.sigma[k])) {
        kernels.logNorm[k] = logNorm[t];
        kernels.lowerTail[k] = lowerTail[t];
        kernels.upperTail[k] = upperTail[t];
      }
    }
  }

  /** Remembers the constants {@code kernels} computed (kernel i is trial {@code numbers[i]}). */
  synchronized void store(int[] numbers, NumericKernels kernels) {
    if (!sameBounds(kernels)) {
      kLow = kernels.kLow();
      kHigh = kernels.kHigh();
      step = kernels.step();
      Arrays.fill(mu, Double.NaN);
    }
    for (int k = 0; k < numbers.length; k++) {
      double v = kernels.logNorm[k];
      double lo = kernels.lowerTail[k];
      if (Double.isNaN(v) && Double.isNaN(lo)) continue;
      int t = numbers[k];
      if (t >= mu.length) grow(t + 1);
      boolean sameKernel = same(mu[t], kernels.mu[k]) && same(sigma[t], kernels.sigma[k]);
      if (!sameKernel) {
        mu[t] = kernels.mu[k];
        sigma[t] = kernels.sigma[k];
        logNorm[t] = Double.NaN;
        lowerTail[t] = Double.NaN;
        upperTail[t] = Double.NaN;
      }
      if (!Double.isNaN(v)) logNorm[t] = v;
      if (!Double.isNaN(lo)) {
        lowerTail[t] = lo;
        upperTail[t] = kernels.upperTail[k];
      }
    }
  }

  private boolean sameBounds(NumericKernels k) {
    return same(kLow, k.kLow()) && same(kHigh, k.kHigh()) && same(step, k.step());
  }

  private static boolean same(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  private void grow(int min) {
    int n = Math.max(min, 2 * mu.length + 16);
    int old = mu.length;
    mu = Arrays.copyOf(mu, n);
    sigma = Arrays.copyOf(sigma, n);
    logNorm = Arrays.copyOf(logNorm, n);
    lowerTail = Arrays.copyOf(lowerTail, n);
    upperTail = Arrays.copyOf(upperTail, n);
    Arrays.fill(mu, old, n, Double.NaN);
  }
}
