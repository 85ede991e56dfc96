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
  /** log of the truncation mass of each kernel over [kLow, kHigh]. */
  private final double[] logNorm;
  /** Optuna 3.1's scoring: continuous kernels without their -log sigma term (see ParzenOptions). */
  private final boolean scaleWeighted;
  private int[] byMu;
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
    this.logNorm = new double[mu.length];
    for (int k = 0; k < mu.length; k++) {
      logNorm[k] = TruncatedNormal.logMass((kLow - mu[k]) / sigma[k], (kHigh - mu[k]) / sigma[k]);
    }
  }

  /**
   * Kernels centred on {@code observations} (internal values inside the distribution) plus the prior
   * kernel, with Optuna's bandwidths.
   *
   * @param dims the number of parameters sampled jointly (for the multivariate bandwidth)
   */
  static NumericKernels build(double[] observations, Distribution d, ParzenOptions options, int dims) {
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
    for (int i = 0; i < n; i++) mus[i] = transform(log, observations[i]);
    mus[n] = 0.5 * (kLow + kHigh);
    double range = kHigh - kLow;
    double[] sigmas = options.multivariate()
        ? multivariateSigmas(n, dims, range) : univariateSigmas(mus, kLow, kHigh, options.considerEndpoints());
    double minSigma = options.magicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : 1e-12;
    for (int i = 0; i < n; i++) sigmas[i] = Math.min(Math.max(sigmas[i], minSigma), range);
    sigmas[n] = range;
    return new NumericKernels(log, step, low, high, mus, sigmas, options.scaleWeighted());
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
  private static double[] univariateSigmas(double[] mus, double kLow, double kHigh, boolean endpoints) {
    int m = mus.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Double.compare(mus[x], mus[y]));
    double[] padded = new double[m + 2];
    padded[0] = kLow;
    for (int i = 0; i < m; i++) padded[i + 1] = mus[order[i]];
    padded[m + 1] = kHigh;
    double[] sorted = new double[m];
    for (int i = 0; i < m; i++) sorted[i] = Math.max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
    if (!endpoints && padded.length >= 4) {
      sorted[0] = padded[2] - padded[1];
      sorted[m - 1] = padded[m] - padded[m - 1];
    }
    double[] sigmas = new double[m];
    for (int i = 0; i < m; i++) sigmas[order[i]] = sorted[i];
    return sigmas;
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
    double z = TruncatedNormal.sampleStraddling((kLow - mu[k]) / sigma[k], (kHigh - mu[k]) / sigma[k], rng);
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
      return TruncatedNormal.logMass((a - mu[k]) / sigma[k], (b - mu[k]) / sigma[k]) - logNorm[k];
    }
    double z = (toKernel(x) - mu[k]) / sigma[k];
    return -0.5 * z * z - logSigma(k) - TruncatedNormal.LOG_SQRT_2PI - logNorm[k];
  }

  boolean continuous() {
    return step == 0;
  }

  /**
   * log sum_k exp(logCoef[k] - z_k^2 / 2) for a continuous parameter, that is the mixture's log
   * density at x when {@code logCoef} comes from {@link #logCoefficients}. Only kernels close enough
   * to x to matter are visited: narrow kernels are sorted by centre once and searched in a window,
   * wide ones (the prior, isolated observations) are always summed. Equal to the full sum within
   * about 1e-14 in log terms.
   */
  double mixtureLogPdf(double x, double[] logCoef) {
    if (byMu == null) index(logCoef);
    double y = toKernel(x);
    double best = Double.NEGATIVE_INFINITY;
    for (int k : wide) best = Math.max(best, term(k, y, logCoef));
    int pos = lowerBound(y);
    if (pos < byMu.length) best = Math.max(best, term(byMu[pos], y, logCoef));
    if (pos > 0) best = Math.max(best, term(byMu[pos - 1], y, logCoef));
    double reach = narrowSigma * Math.sqrt(2 * Math.max(0, narrowMaxCoef - best + NEGLIGIBLE_LOG_TERM));
    int to = Math.min(lowerBound(y + reach), byMu.length - 1);
    double sum = 0;
    for (int k : wide) sum += Math.exp(term(k, y, logCoef) - best);
    for (int j = lowerBound(y - reach); j <= to; j++) sum += Math.exp(term(byMu[j], y, logCoef) - best);
    return best + Math.log(sum);
  }

  private double logSigma(int k) {
    return scaleWeighted ? 0.0 : Math.log(sigma[k]);
  }

  private double term(int k, double y, double[] logCoef) {
    double z = (y - mu[k]) / sigma[k];
    return logCoef[k] - 0.5 * z * z;
  }

  /** logWeights[k] - log sigma_k - log sqrt(2 pi) - logNorm_k: the part of a term that does not depend on x. */
  double[] logCoefficients(double[] logWeights) {
    double[] c = new double[mu.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = logWeights[k] - logSigma(k) - TruncatedNormal.LOG_SQRT_2PI - logNorm[k];
    }
    return c;
  }

  /**
   * Splits the kernels into narrow ones (sigma at most twice the median), sorted by centre, and wide
   * ones. Estimators are built per sampling call and not shared between threads.
   */
  private void index(double[] logCoef) {
    double[] sorted = sigma.clone();
    Arrays.sort(sorted);
    double threshold = 2 * sorted[sorted.length / 2];
    java.util.List<Integer> narrow = new java.util.ArrayList<>();
    java.util.List<Integer> wideList = new java.util.ArrayList<>();
    narrowSigma = 0;
    narrowMaxCoef = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < mu.length; k++) {
      if (sigma[k] <= threshold) {
        narrow.add(k);
        narrowSigma = Math.max(narrowSigma, sigma[k]);
        narrowMaxCoef = Math.max(narrowMaxCoef, logCoef[k]);
      } else {
        wideList.add(k);
      }
    }
    narrow.sort((a, b) -> Double.compare(mu[a], mu[b]));
    wide = wideList.stream().mapToInt(Integer::intValue).toArray();
    byMu = narrow.stream().mapToInt(Integer::intValue).toArray();
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
