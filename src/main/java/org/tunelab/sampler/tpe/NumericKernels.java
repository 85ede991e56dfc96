package org.tunelab.sampler.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

/**
 * Truncated-normal kernels of one numeric parameter, in kernel space: the internal value, or its
 * logarithm on log scales. Stepped parameters (every int, stepped floats) use the discrete truncated
 * normal: the mass of the cell {@code [x - step/2, x + step/2]}, renormalised over the widened range
 * {@code [low - step/2, high + step/2]}. Densities of log parameters are taken in log space; the
 * Jacobian cancels in TPE's ratio l(x)/g(x).
 */
final class NumericKernels implements KernelDim {
  /** Terms further than this below the largest one change a log-sum-exp by less than 1e-14. */
  private static final double NEGLIGIBLE_LOG_TERM = 40;

  private final boolean log;
  private final double step;
  private final double low;
  private final double high;
  private final double kLow;
  private final double kHigh;
  final double[] mu;
  final double[] sigma;
  /**
   * log of the truncation mass of each kernel over [kLow, kHigh]; NaN until first needed, or
   * filled in from a {@link NormCache}.
   */
  final double[] logNorm;
  /** Phi(a) and Phi(-b) of each kernel's standardised bounds [a, b], for sampling; NaN until needed. */
  final double[] lowerTail;
  final double[] upperTail;
  /** The x-independent part of each kernel's log term in {@link #mixtureLogPdf}; NaN until needed. */
  private double[] coef;
  /** Optuna 3.1's scoring: continuous kernels without their -log sigma term (see ParzenOptions). */
  private final boolean scaleWeighted;
  private int[] byMu;
  private double lastSigma = Double.NaN;
  private double lastLogSigma;
  /** All kernels by centre, when the bandwidth rule needed that order anyway; else computed on demand. */
  private int[] order;
  private int[] wide;
  private double narrowSigma;
  private double narrowMaxCoef;

  private NumericKernels(boolean log, double step, double low, double high, double[] mu, double[] sigma,
      boolean scaleWeighted) {
    this.scaleWeighted = scaleWeighted;
    this.log = log;
    this.step = step;
    this.low = low;
    this.high = high;
    this.kLow = toKernel(step > 0 ? low - step / 2 : low);
    this.kHigh = toKernel(step > 0 ? high + step / 2 : high);
    this.mu = mu;
    this.sigma = sigma;
    // Computed on first use: scoring visits only the kernels near its candidates.
    this.logNorm = new double[mu.length];
    Arrays.fill(logNorm, Double.NaN);
    this.lowerTail = new double[mu.length];
    this.upperTail = new double[mu.length];
    Arrays.fill(lowerTail, Double.NaN);
    Arrays.fill(upperTail, Double.NaN);
  }

  /**
   * Kernels centred on {@code observations} (internal values inside the distribution) plus the prior
   * kernel, with Optuna's bandwidths.
   *
   * @param dims the number of parameters sampled jointly (for the multivariate bandwidth)
   */
  static NumericKernels build(double[] observations, Distribution d, ParzenOptions options, int dims) {
    return build(observations, d, options, dims, (log, mus) -> Argsort.of(mus), null);
  }

  /** How to get the stable argsort of kernel centres (the prior's last), e.g. from presorted values. */
  @FunctionalInterface
  interface CentreOrder {
    int[] of(boolean log, double[] mus);
  }

  /**
   * As {@link #build(double[], Distribution, ParzenOptions, int)}, sorting centres with
   * {@code sorter} and, on log scales, taking the observations' logarithms from {@code logs} (which
   * must return exactly {@code Math.log} of each) when it is not null.
   */
  static NumericKernels build(double[] observations, Distribution d, ParzenOptions options, int dims,
      CentreOrder sorter, java.util.function.UnaryOperator<double[]> logs) {
    boolean log;
    double step;
    double low;
    double high;
    if (d instanceof FloatDistribution f) {
      log = f.log();
      step = f.step() == null ? 0 : f.step();
      low = f.low();
      high = f.high();
    } else if (d instanceof IntDistribution i) {
      log = i.log();
      step = i.step();
      low = i.low();
      high = i.high();
    } else {
      throw new IllegalArgumentException("not a numeric distribution: " + d.describe());
    }
    double kLow = transform(log, step > 0 ? low - step / 2 : low);
    double kHigh = transform(log, step > 0 ? high + step / 2 : high);
    int n = observations.length;
    double[] mus = new double[n + 1];
    if (log && logs != null) System.arraycopy(logs.apply(observations), 0, mus, 0, n);
    else for (int i = 0; i < n; i++) mus[i] = transform(log, observations[i]);
    mus[n] = 0.5 * (kLow + kHigh);
    double range = kHigh - kLow;
    boolean fixedWidth = options.multivariate() && !options.gapSigmas();
    int[] order = fixedWidth ? null : sorter.of(log, mus);
    double[] sigmas = fixedWidth
        ? multivariateSigmas(n, dims, range) : univariateSigmas(mus, order, kLow, kHigh, options.considerEndpoints());
    double minSigma = options.magicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : 1e-12;
    for (int i = 0; i < n; i++) sigmas[i] = Math.min(Math.max(sigmas[i], minSigma), range);
    sigmas[n] = range;
    NumericKernels k = new NumericKernels(log, step, low, high, mus, sigmas, options.scaleWeighted());
    k.order = order;
    return k;
  }

  private static double[] multivariateSigmas(int n, int dims, double range) {
    double s = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (dims + 4)) * range;
    double[] sigmas = new double[n + 1];
    Arrays.fill(sigmas, s);
    return sigmas;
  }

  /**
   * Each kernel's sigma is the larger gap to its sorted neighbours, the prior's centre included and
   * the bounds acting as outer neighbours; without endpoints the outermost kernels use only their
   * inner gap. {@code mus} holds the observations then the prior centre.
   */
  private static double[] univariateSigmas(double[] mus, int[] order, double kLow, double kHigh, boolean endpoints) {
    int m = mus.length;
    double[] padded = new double[m + 2];
    padded[0] = kLow;
    for (int i = 0; i < m; i++) padded[i + 1] = mus[order[i]];
    padded[m + 1] = kHigh;
    double[] sigmas = new double[m];
    for (int i = 0; i < m; i++) {
      double s = Math.max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
      if (!endpoints && padded.length >= 4 && i == 0) s = padded[2] - padded[1];
      if (!endpoints && padded.length >= 4 && i == m - 1) s = padded[m] - padded[m - 1];
      sigmas[order[i]] = s;
    }
    return sigmas;
  }

  double kLow() {
    return kLow;
  }

  double kHigh() {
    return kHigh;
  }

  double step() {
    return step;
  }

  private static double transform(boolean log, double v) {
    return log ? Math.log(v) : v;
  }

  private double toKernel(double v) {
    return log ? Math.log(v) : v;
  }

  @Override
  public int kernels() {
    return mu.length;
  }

  @Override
  public double sample(int k, SplittableRandom rng) {
    double a = (kLow - mu[k]) / sigma[k];
    double b = (kHigh - mu[k]) / sigma[k];
    // A few dozen draws come from a few dozen kernels: their tail masses are computed once.
    if (Double.isNaN(lowerTail[k])) {
      lowerTail[k] = TruncatedNormal.lowerCdf(a);
      upperTail[k] = TruncatedNormal.lowerCdf(-b);
    }
    double z = TruncatedNormal.sampleStraddling(a, b, lowerTail[k], upperTail[k], rng);
    double x = mu[k] + sigma[k] * z;
    if (log) x = Math.exp(x);
    if (step > 0) x = low + Math.rint((x - low) / step) * step;
    return Math.min(Math.max(x, low), high);
  }

  @Override
  public double logPdf(int k, double x) {
    if (step > 0) {
      double a = Math.max(toKernel(x - step / 2), kLow);
      double b = Math.min(toKernel(x + step / 2), kHigh);
      return TruncatedNormal.logMass((a - mu[k]) / sigma[k], (b - mu[k]) / sigma[k]) - logNorm(k);
    }
    double z = (toKernel(x) - mu[k]) / sigma[k];
    return -0.5 * z * z - logSigma(k) - TruncatedNormal.LOG_SQRT_2PI - logNorm(k);
  }

  @Override
  public double prepare(double x) {
    return step > 0 ? x : toKernel(x);
  }

  @Override
  public double logPdf(int k, double x, double prepared) {
    if (step > 0) return logPdf(k, x);
    double z = (prepared - mu[k]) / sigma[k];
    return -0.5 * z * z - logSigma(k) - TruncatedNormal.LOG_SQRT_2PI - logNorm(k);
  }


  /**
   * A mass is at most 1. A density peaks at its centre; a kernel centred inside its bounds with
   * {@code sigma <= range} keeps at least {@code Phi(1) - 1/2 = 0.341} of its mass inside them, so
   * {@code -log Z <= 1.08} and the bound needs no error function.
   */
  @Override
  public double maxLogPdf(int k) {
    if (step > 0) return 0.0;
    return -logSigma(k) - TruncatedNormal.LOG_SQRT_2PI + 1.08;
  }

  /** All kernels ordered by centre (stably); computed once. */
  int[] orderByCentre() {
    if (order == null) order = Argsort.of(mu);
    return order;
  }

  /** {@code log sigma_k} as the density uses it (0 under Optuna 3.1's scoring). */
  double logSigmaOf(int k) {
    return logSigma(k);
  }

  /** The log truncation mass of kernel {@code k}, computed and kept on first use. */
  double logNormOf(int k) {
    return logNorm(k);
  }

  private double logNorm(int k) {
    double v = logNorm[k];
    if (Double.isNaN(v)) {
      v = TruncatedNormal.logMass((kLow - mu[k]) / sigma[k], (kHigh - mu[k]) / sigma[k]);
      logNorm[k] = v;
    }
    return v;
  }

  boolean continuous() {
    return step == 0;
  }

  /**
   * log sum_k w_k pdf_k(x) for a continuous parameter, {@code weights} being the normalised mixture
   * weights. Only kernels close enough to x to matter are visited: narrow kernels are sorted by
   * centre once and searched in a window, wide ones (the prior, isolated observations) are always
   * summed; per-kernel constants are computed only for kernels visited. Equal to the full sum within
   * about 1e-14 in log terms.
   */
  double mixtureLogPdf(double x, double[] weights) {
    if (byMu == null) index(weights);
    double y = toKernel(x);
    double best = Double.NEGATIVE_INFINITY;
    for (int k : wide) best = Math.max(best, term(k, y, weights));
    int pos = lowerBound(y);
    if (pos < byMu.length) best = Math.max(best, term(byMu[pos], y, weights));
    if (pos > 0) best = Math.max(best, term(byMu[pos - 1], y, weights));
    double reach = narrowSigma * Math.sqrt(2 * Math.max(0, narrowMaxCoef - best + NEGLIGIBLE_LOG_TERM));
    int to = Math.min(lowerBound(y + reach), byMu.length - 1);
    double sum = 0;
    for (int k : wide) sum += Math.exp(term(k, y, weights) - best);
    for (int j = lowerBound(y - reach); j <= to; j++) sum += Math.exp(term(byMu[j], y, weights) - best);
    return best + Math.log(sum);
  }

  private double logSigma(int k) {
    if (scaleWeighted) return 0.0;
    // Multivariate kernels share one sigma, so the logarithm is usually the previous one.
    if (k > 0 && sigma[k] == lastSigma) return lastLogSigma;
    lastSigma = sigma[k];
    lastLogSigma = Math.log(lastSigma);
    return lastLogSigma;
  }

  private double term(int k, double y, double[] weights) {
    double c = coef[k];
    if (Double.isNaN(c)) {
      c = Math.log(weights[k]) - logSigma(k) - TruncatedNormal.LOG_SQRT_2PI - logNorm(k);
      coef[k] = c;
    }
    double z = (y - mu[k]) / sigma[k];
    return c - 0.5 * z * z;
  }

  /**
   * Splits the kernels into narrow ones (sigma at most twice the median), sorted by centre, and wide
   * ones. Estimators are built per sampling call and not shared between threads.
   */
  private void index(double[] weights) {
    double[] sorted = sigma.clone();
    Arrays.sort(sorted);
    double threshold = 2 * sorted[sorted.length / 2];
    if (order == null) order = Argsort.of(mu);
    int[] narrow = new int[mu.length];
    int[] wideList = new int[mu.length];
    int nn = 0;
    int nw = 0;
    narrowSigma = 0;
    double maxWeight = 0;
    double minSigma = Double.POSITIVE_INFINITY;
    for (int k : order) {
      if (sigma[k] <= threshold) {
        narrow[nn++] = k;
        narrowSigma = Math.max(narrowSigma, sigma[k]);
        maxWeight = Math.max(maxWeight, weights[k]);
        minSigma = Math.min(minSigma, sigma[k]);
      } else {
        wideList[nw++] = k;
      }
    }
    // An upper bound on every narrow kernel's constant: a kernel centred inside its range keeps at
    // least Phi(1/2) - Phi(-1/2) = 0.38 of its mass there (sigma <= range), so -log Z <= 0.97.
    double logSigmaMin = scaleWeighted ? 0.0 : Math.log(minSigma);
    narrowMaxCoef = Math.log(maxWeight) - logSigmaMin - TruncatedNormal.LOG_SQRT_2PI + 1.0;
    wide = Arrays.copyOf(wideList, nw);
    byMu = Arrays.copyOf(narrow, nn);
    coef = new double[mu.length];
    Arrays.fill(coef, Double.NaN);
  }

  /** The first position in byMu whose centre is >= v. */
  private int lowerBound(double v) {
    int lo = 0;
    int hi = byMu.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mu[byMu[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
