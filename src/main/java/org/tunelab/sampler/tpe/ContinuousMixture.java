package org.tunelab.sampler.tpe;

import java.util.Arrays;

/**
 * The log density of a Parzen mixture whose parameters are all continuous, for scoring many
 * candidates against one estimator. Same value, bit for bit, as the generic sum of
 * {@link ParzenEstimator}: every kernel whose term can reach e^-40 of the largest is computed with
 * the same arithmetic and the terms are summed in kernel order. What differs is which kernels are
 * looked at: kernels are indexed by their centre in the first parameter, and a narrow kernel whose
 * centre is so far from the point that even its best case in every other parameter stays below that
 * cut is never visited. A proposal scores 48 candidates against a thousand "above" kernels, of
 * which only a few dozen lie near any one candidate. Built per proposal, used by one thread.
 */
final class ContinuousMixture {
  /** Terms this far (in log) below the largest are left out of the sum, as in ParzenEstimator. */
  static final double NEGLIGIBLE = 40;
  /** Kernels skipped by the window have an upper bound this much further below the cut. */
  private static final double MARGIN = 1;

  private final NumericKernels[] dims;
  private final double[] logWeights;
  /** [k * (dims + 1) + d]: upper bound of kernel k's log density over dimensions d.. */
  private final double[] bound;
  private final int nd;
  private final int m;
  /** [k * dims + d]: centre, bandwidth, log bandwidth term and log truncation mass (NaN until known). */
  private final double[] mu;
  private final double[] sigma;
  private final double[] logSigma;
  private final double[] logNorm;
  /** Narrow kernels by first-parameter centre, their centres, and the always-visited wide kernels. */
  private final int[] narrow;
  private final double[] narrowMu;
  private final int[] wide;
  private final double narrowSigmaMax;
  /** The largest {@code logWeight + bound} of a narrow kernel: its best case at distance 0. */
  private final double narrowTop;

  ContinuousMixture(NumericKernels[] dims, double[] logWeights, double[] bound) {
    this.dims = dims;
    this.logWeights = logWeights;
    this.bound = bound;
    this.nd = dims.length;
    this.m = logWeights.length;
    mu = new double[m * nd];
    sigma = new double[m * nd];
    logSigma = new double[m * nd];
    logNorm = new double[m * nd];
    for (int d = 0; d < nd; d++) {
      NumericKernels nk = dims[d];
      for (int k = 0; k < m; k++) {
        int i = k * nd + d;
        mu[i] = nk.mu[k];
        sigma[i] = nk.sigma[k];
        logSigma[i] = nk.logSigmaOf(k);
        logNorm[i] = nk.logNorm[k];
      }
    }
    NumericKernels first = dims[0];
    double[] sorted = first.sigma.clone();
    Arrays.sort(sorted);
    double threshold = 2 * sorted[sorted.length / 2];
    int[] byCentre = first.orderByCentre();
    int[] narrowList = new int[m];
    int[] wideList = new int[m];
    int nn = 0;
    int nw = 0;
    double sigmaMax = 0;
    double top = Double.NEGATIVE_INFINITY;
    int stride = nd + 1;
    for (int k : byCentre) {
      if (first.sigma[k] <= threshold) {
        narrowList[nn++] = k;
        sigmaMax = Math.max(sigmaMax, first.sigma[k]);
        top = Math.max(top, logWeights[k] + bound[k * stride]);
      } else {
        wideList[nw++] = k;
      }
    }
    narrow = Arrays.copyOf(narrowList, nn);
    wide = Arrays.copyOf(wideList, nw);
    narrowMu = new double[nn];
    for (int j = 0; j < nn; j++) narrowMu[j] = first.mu[narrow[j]];
    narrowSigmaMax = sigmaMax;
    narrowTop = top;
  }

  /** The mixture's log density at {@code x} (internal values, one per parameter). */
  double logPdf(double[] x) {
    double[] y = new double[nd];
    for (int d = 0; d < nd; d++) y[d] = dims[d].prepare(x[d]);
    double y0 = y[0];
    int pos = lowerBound(y0);
    // The seed kernel of ParzenEstimator's kernel-by-kernel sum: the best first-parameter bound
    // over all kernels (the first on ties). A narrow kernel further away than its best case allows
    // cannot be it.
    int stride = nd + 1;
    seed = -1;
    seedBound = Double.NEGATIVE_INFINITY;
    for (int k : wide) seedCandidate(k, y0, stride);
    for (int j = pos; j < narrow.length && canSeed(narrowMu[j] - y0); j++) seedCandidate(narrow[j], y0, stride);
    for (int j = pos - 1; j >= 0 && canSeed(y0 - narrowMu[j]); j--) seedCandidate(narrow[j], y0, stride);
    double[] terms = new double[m];
    Arrays.fill(terms, Double.NEGATIVE_INFINITY);
    int seed = this.seed;
    double max = logWeights[seed];
    for (int d = 0; d < nd && max > Double.NEGATIVE_INFINITY; d++) max += term(seed * nd + d, d, seed, y[d]);
    terms[seed] = max;
    this.max = max;
    for (int k : wide) if (k != seed) visit(k, y, terms);
    for (int j = pos; j < narrow.length && reachable(narrowMu[j] - y0); j++) if (narrow[j] != seed) visit(narrow[j], y, terms);
    for (int j = pos - 1; j >= 0 && reachable(y0 - narrowMu[j]); j--) if (narrow[j] != seed) visit(narrow[j], y, terms);
    max = this.max;
    if (max == Double.NEGATIVE_INFINITY) return max;
    double sum = 0;
    for (double t : terms) if (t > max - NEGLIGIBLE) sum += Math.exp(t - max);
    return max + Math.log(sum);
  }

  /** The running maximum of one {@link #logPdf} call, and its seed kernel with that kernel's bound. */
  private double max;
  private int seed;
  private double seedBound;

  private void seedCandidate(int k, double y0, int stride) {
    double b = logWeights[k] + term(k * nd, 0, k, y0) + bound[k * stride + 1];
    if (seed < 0 || b > seedBound || (b == seedBound && k < seed)) {
      seedBound = b;
      seed = k;
    }
  }

  /** Whether a narrow kernel this far from the point in the first parameter can have the best seed bound. */
  private boolean canSeed(double distance) {
    double z = distance / narrowSigmaMax;
    return seed < 0 || narrowTop - 0.5 * z * z >= seedBound - MARGIN;
  }

  /** Whether a narrow kernel this far from the point in the first parameter can reach the cut. */
  private boolean reachable(double distance) {
    double z = distance / narrowSigmaMax;
    return narrowTop - 0.5 * z * z >= max - NEGLIGIBLE - MARGIN;
  }

  /** Kernel k's term, dropped (-inf) as soon as its upper bound falls below the cut. */
  private void visit(int k, double[] y, double[] terms) {
    double t = logWeights[k];
    int base = k * (nd + 1);
    int at = k * nd;
    double cut = max - NEGLIGIBLE;
    int d = 0;
    for (; d < nd && t + bound[base + d] >= cut; d++) t += term(at + d, d, k, y[d]);
    terms[k] = d == nd ? t : Double.NEGATIVE_INFINITY;
    if (terms[k] > max) max = terms[k];
  }

  /** The same arithmetic, in the same order, as {@link NumericKernels#logPdf(int, double)}. */
  private double term(int i, int d, int k, double y) {
    double ln = logNorm[i];
    if (Double.isNaN(ln)) {
      ln = dims[d].logNormOf(k);
      logNorm[i] = ln;
    }
    double z = (y - mu[i]) / sigma[i];
    return -0.5 * z * z - logSigma[i] - TruncatedNormal.LOG_SQRT_2PI - ln;
  }

  /** The first narrow position whose first-parameter centre is >= v. */
  private int lowerBound(double v) {
    int lo = 0;
    int hi = narrowMu.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (narrowMu[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
