package org.tunelab.sampler.tpe;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;

/**
 * A mixture of product kernels over one or more parameters: one kernel per observation plus a prior
 * kernel, as Optuna's {@code _ParzenEstimator}. Values are internal representations, one column per
 * parameter. Built for one sampling call and then only read, by one thread.
 */
final class ParzenEstimator {
  private final KernelDim[] dims;
  /** Normalised mixture weights, the prior's last. */
  private final double[] weights;
  /** Their logarithms and running sums, computed when first needed (g(x) is never sampled). */
  private double[] logWeights;
  private double[] cumulative;
  private final boolean univariateContinuous;

  /**
   * @param distributions the parameters, in column order
   * @param observations one row per observation, one internal value per parameter
   * @param weights one non-negative weight per observation (the prior weight is appended here)
   */
  ParzenEstimator(List<Distribution> distributions, double[][] observations, double[] weights, ParzenOptions options) {
    int n = observations.length;
    if (weights.length != n) throw new IllegalArgumentException(weights.length + " weights for " + n + " observations");
    this.dims = new KernelDim[distributions.size()];
    for (int d = 0; d < dims.length; d++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) column[i] = observations[i][d];
      Distribution dist = distributions.get(d);
      dims[d] = dist instanceof CategoricalDistribution c
          ? new CategoricalKernels(column, c.choices().size(), options.priorWeight())
          : NumericKernels.build(column, dist, options, dims.length);
    }
    double[] w = Arrays.copyOf(weights, n + 1);
    w[n] = n == 0 ? 1.0 : options.priorWeight();
    double total = 0;
    for (double v : w) total += v;
    for (int k = 0; k <= n; k++) w[k] /= total;
    this.weights = w;
    this.univariateContinuous = dims.length == 1 && dims[0] instanceof NumericKernels nk && nk.continuous();
  }

  int kernels() {
    return weights.length;
  }

  private double[] logWeights() {
    if (logWeights == null) {
      double[] lw = new double[weights.length];
      for (int k = 0; k < lw.length; k++) lw[k] = Math.log(weights[k]);
      logWeights = lw;
    }
    return logWeights;
  }

  /** {@code count} draws: each picks a kernel by weight, then each parameter from that kernel. */
  double[][] sample(SplittableRandom rng, int count) {
    if (cumulative == null) {
      cumulative = new double[weights.length];
      double running = 0;
      for (int k = 0; k < weights.length; k++) cumulative[k] = running += weights[k];
    }
    double[][] out = new double[count][dims.length];
    for (int s = 0; s < count; s++) {
      int k = pickKernel(rng.nextDouble());
      for (int d = 0; d < dims.length; d++) out[s][d] = dims[d].sample(k, rng);
    }
    return out;
  }

  private int pickKernel(double u) {
    int k = Arrays.binarySearch(cumulative, u);
    k = k >= 0 ? k + 1 : -k - 1;
    // Rounding can leave the last cumulative weight just under 1.
    k = Math.min(k, cumulative.length - 1);
    while (k > 0 && weights[k] == 0) k--;
    return k;
  }

  /** The mixture's log density at {@code x} (internal values, one per parameter). */
  double logPdf(double[] x) {
    if (univariateContinuous) return ((NumericKernels) dims[0]).mixtureLogPdf(x[0], weights);
    double[] logWeights = logWeights();
    double[][] bound = bounds();
    int m = logWeights.length;
    int nd = dims.length;
    // Start from the kernel with the best one-dimension bound, so the running maximum is high early
    // and most kernels are dropped after a dimension or two.
    int seed = 0;
    double seedBound = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      double b = logWeights[k] + dims[0].logPdf(k, x[0]) + bound[k][1];
      if (b > seedBound) {
        seedBound = b;
        seed = k;
      }
    }
    double max = full(seed, x, logWeights);
    double[] terms = new double[m];
    for (int k = 0; k < m; k++) {
      if (k == seed) {
        terms[k] = max;
        continue;
      }
      double t = logWeights[k];
      int d = 0;
      for (; d < nd && t + bound[k][d] >= max - NEGLIGIBLE; d++) t += dims[d].logPdf(k, x[d]);
      terms[k] = d == nd ? t : Double.NEGATIVE_INFINITY;
      if (terms[k] > max) max = terms[k];
    }
    if (max == Double.NEGATIVE_INFINITY) return max;
    double sum = 0;
    for (double t : terms) if (t > max - NEGLIGIBLE) sum += Math.exp(t - max);
    return max + Math.log(sum);
  }

  /** A kernel's term below e^-40 of the largest changes the sum by less than 1e-17 relative per kernel. */
  private static final double NEGLIGIBLE = 40;

  private double full(int k, double[] x, double[] logWeights) {
    double t = logWeights[k];
    for (int d = 0; d < dims.length && t > Double.NEGATIVE_INFINITY; d++) t += dims[d].logPdf(k, x[d]);
    return t;
  }

  /** bound[k][d]: an upper bound of the log density of kernel k over dimensions d.. (suffix sums). */
  private double[][] bounds() {
    if (bounds == null) {
      int m = weights.length;
      double[][] b = new double[m][dims.length + 1];
      for (int k = 0; k < m; k++) {
        for (int d = dims.length - 1; d >= 0; d--) b[k][d] = b[k][d + 1] + dims[d].maxLogPdf(k);
      }
      bounds = b;
    }
    return bounds;
  }

  private double[][] bounds;
}
