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
  /** Every parameter continuous: {@link #logPdf} then uses a {@link ContinuousMixture}. */
  private final boolean allContinuous;

  /**
   * @param distributions the parameters, in column order
   * @param observations one row per observation, one internal value per parameter
   * @param weights one non-negative weight per observation (the prior weight is appended here)
   */
  ParzenEstimator(List<Distribution> distributions, double[][] observations, double[] weights, ParzenOptions options) {
    this(distributions, transpose(observations, distributions.size()), weights, options, null, null);
  }

  private static double[][] transpose(double[][] rows, int dims) {
    double[][] columns = new double[dims][rows.length];
    for (int d = 0; d < dims; d++) {
      for (int i = 0; i < rows.length; i++) columns[d][i] = rows[i][d];
    }
    return columns;
  }

  /**
   * As above with the observations given one array per parameter ({@code values[d][i]}),
   * observation i being trial {@code numbers[i]} (ascending) and {@code columns} the parameters'
   * value columns: kernel centres are then ordered from the columns' sorted values and
   * known truncation constants reused ({@link #remember()} stores the new ones). Same estimator,
   * bit for bit, as without them.
   */
  static ParzenEstimator ofColumns(List<Distribution> distributions, double[][] values, double[] weights,
      ParzenOptions options, int[] numbers, List<ParamColumns.Column> columns) {
    return new ParzenEstimator(distributions, values, weights, options, numbers, columns);
  }

  private ParzenEstimator(List<Distribution> distributions, double[][] values, double[] weights, ParzenOptions options,
      int[] numbers, List<ParamColumns.Column> columns) {
    int n = weights.length;
    int[] position = numbers == null ? null : SortedValues.positions(numbers);
    this.dims = new KernelDim[distributions.size()];
    for (int d = 0; d < dims.length; d++) {
      double[] column = values[d];
      if (column.length != n) throw new IllegalArgumentException(n + " weights for " + column.length + " observations");
      Distribution dist = distributions.get(d);
      if (dist instanceof CategoricalDistribution c) {
        dims[d] = new CategoricalKernels(column, c.choices().size(), options.priorWeight());
      } else if (columns == null || position == null) {
        dims[d] = NumericKernels.build(column, dist, options, dims.length);
      } else {
        ParamColumns.Column col = columns.get(d);
        NumericKernels k = NumericKernels.build(column, dist, options, dims.length, (log, mus) -> {
          int[] order = col.order(log, position, mus);
          return order != null ? order : Argsort.of(mus);
        }, obs -> col.logs(numbers, obs));
        col.norms().fill(numbers, k);
        dims[d] = k;
      }
    }
    this.numbers = numbers;
    this.columns = columns;
    double[] w = Arrays.copyOf(weights, n + 1);
    w[n] = n == 0 ? 1.0 : options.priorWeight();
    double total = 0;
    for (double v : w) total += v;
    for (int k = 0; k <= n; k++) w[k] /= total;
    this.weights = w;
    this.univariateContinuous = dims.length == 1 && dims[0] instanceof NumericKernels nk && nk.continuous();
    boolean continuous = true;
    for (KernelDim k : dims) continuous &= k instanceof NumericKernels nk && nk.continuous();
    this.allContinuous = continuous;
  }

  private final int[] numbers;
  private final List<ParamColumns.Column> columns;

  /** Stores the truncation constants computed so far in the columns' caches, for the next proposal. */
  void remember() {
    if (columns == null) return;
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] instanceof NumericKernels k) columns.get(d).norms().store(numbers, k);
    }
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
    if (allContinuous) return flatLogPdf(x);
    return kernelByKernelLogPdf(x);
  }

  /** {@link #logPdf} visiting every kernel through {@link KernelDim}; for any kind of parameter. */
  double kernelByKernelLogPdf(double[] x) {
    double[] logWeights = logWeights();
    double[] bound = bounds();
    int m = logWeights.length;
    int nd = dims.length;
    int stride = nd + 1;
    double[] y = new double[nd];
    for (int d = 0; d < nd; d++) y[d] = dims[d].prepare(x[d]);
    // Each kernel's first-dimension term is needed by the seed search and again by the sum.
    double[] first = new double[m];
    KernelDim dim0 = dims[0];
    // Start from the kernel with the best one-dimension bound, so the running maximum is high early
    // and most kernels are dropped after a dimension or two.
    int seed = 0;
    double seedBound = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      first[k] = dim0.logPdf(k, x[0], y[0]);
      double b = logWeights[k] + first[k] + bound[k * stride + 1];
      if (b > seedBound) {
        seedBound = b;
        seed = k;
      }
    }
    double max = full(seed, x, y, first[seed], logWeights);
    double[] terms = new double[m];
    // The seed's own term, not the running maximum (which kernels before it may raise).
    terms[seed] = max;
    for (int k = 0; k < m; k++) {
      if (k == seed) continue;
      double t = logWeights[k];
      int base = k * stride;
      int d = 0;
      if (t + bound[base] >= max - NEGLIGIBLE) {
        t += first[k];
        d = 1;
        for (; d < nd && t + bound[base + d] >= max - NEGLIGIBLE; d++) t += dims[d].logPdf(k, x[d], y[d]);
      }
      terms[k] = d == nd ? t : Double.NEGATIVE_INFINITY;
      if (terms[k] > max) max = terms[k];
    }
    if (max == Double.NEGATIVE_INFINITY) return max;
    double sum = 0;
    for (double t : terms) if (t > max - NEGLIGIBLE) sum += Math.exp(t - max);
    return max + Math.log(sum);
  }

  /** {@link #logPdf} for continuous parameters: the same value from {@link ContinuousMixture}. */
  private double flatLogPdf(double[] x) {
    if (continuousMixture == null) {
      NumericKernels[] numeric = new NumericKernels[dims.length];
      for (int d = 0; d < dims.length; d++) numeric[d] = (NumericKernels) dims[d];
      continuousMixture = new ContinuousMixture(numeric, logWeights(), bounds());
    }
    return continuousMixture.logPdf(x);
  }

  private ContinuousMixture continuousMixture;

  /** A kernel's term below e^-40 of the largest changes the sum by less than 1e-17 relative per kernel. */
  private static final double NEGLIGIBLE = 40;

  private double full(int k, double[] x, double[] y, double first, double[] logWeights) {
    double t = logWeights[k];
    if (t > Double.NEGATIVE_INFINITY) t += first;
    for (int d = 1; d < dims.length && t > Double.NEGATIVE_INFINITY; d++) t += dims[d].logPdf(k, x[d], y[d]);
    return t;
  }

  /**
   * bound[k * (dims + 1) + d]: an upper bound of the log density of kernel k over dimensions d..
   * (suffix sums), flat so one kernel's bounds are adjacent.
   */
  private double[] bounds() {
    if (bounds == null) {
      int m = weights.length;
      int stride = dims.length + 1;
      double[] b = new double[m * stride];
      for (int k = 0; k < m; k++) {
        for (int d = dims.length - 1; d >= 0; d--) b[k * stride + d] = b[k * stride + d + 1] + dims[d].maxLogPdf(k);
      }
      bounds = b;
    }
    return bounds;
  }

  private double[] bounds;
}
