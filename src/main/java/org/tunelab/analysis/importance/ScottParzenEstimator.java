package org.tunelab.analysis.importance;

import org.apache.commons.math3.special.Erf;

/**
 * PED-ANOVA's one-dimensional Parzen estimator on a grid of {@code n} steps (Optuna's
 * {@code _ScottParzenEstimator}): one kernel per occupied grid step weighted by its count, plus a
 * prior kernel of weight 1. For a numeric parameter the kernels are discretized normals truncated to
 * the grid with Scott's bandwidth {@code 1.059 * min(IQR / 1.34, sd) * n^-0.2}, at least
 * {@code 0.5 / 1.64}, and a prior centred on the grid as wide as it; for a categorical each kernel
 * puts mass 1 on its choice plus the prior weight spread evenly, normalized.
 */
final class ScottParzenEstimator {
  private static final double PRIOR_WEIGHT = 1.0;

  private ScottParzenEstimator() {}

  /** The estimator's probability of each grid step, for counts per step of a numeric parameter. */
  static double[] numericPdf(double[] counts) {
    int steps = counts.length;
    double n = 0;
    int occupied = 0;
    for (double c : counts) {
      n += c;
      if (c > 0) occupied++;
    }
    double[] mus = new double[occupied + 1];
    double[] weights = new double[occupied + 1];
    int k = 0;
    for (int s = 0; s < steps; s++) {
      if (counts[s] > 0) {
        mus[k] = s;
        weights[k++] = counts[s];
      }
    }
    double mean = 0;
    for (int j = 0; j < occupied; j++) mean += mus[j] * weights[j] / n;
    double ss = 0;
    for (int j = 0; j < occupied; j++) ss += (mus[j] - mean) * (mus[j] - mean) * weights[j];
    double sd = Math.sqrt(ss / Math.max(1, n - 1));
    // interquartile range over the occupied steps, by cumulative count as NumPy's searchsorted finds it
    double[] cum = new double[occupied];
    double run = 0;
    for (int j = 0; j < occupied; j++) cum[j] = run += weights[j];
    int q25 = searchLeft(cum, Math.floor(n / 4));
    int q75 = searchRight(cum, Math.floor(n * 3 / 4));
    double iqr = mus[Math.min(occupied - 1, q75)] - mus[Math.min(occupied - 1, q25)];
    double sigma = Math.max(1.059 * Math.min(iqr / 1.34, sd) * Math.pow(n, -0.2), 0.5 / 1.64);
    mus[occupied] = 0.5 * (steps - 1);
    weights[occupied] = PRIOR_WEIGHT;
    double total = n + PRIOR_WEIGHT;
    double[] pdf = new double[steps];
    for (int j = 0; j <= occupied; j++) {
      double sg = j == occupied ? steps : sigma;
      double norm = cdf((steps - 0.5 - mus[j]) / sg) - cdf((-0.5 - mus[j]) / sg);
      for (int s = 0; s < steps; s++) {
        double mass = cdf((s + 0.5 - mus[j]) / sg) - cdf((s - 0.5 - mus[j]) / sg);
        pdf[s] += weights[j] / total * mass / norm;
      }
    }
    return pdf;
  }

  /** The estimator's probability of each choice, for counts per choice of a categorical parameter. */
  static double[] categoricalPdf(double[] counts) {
    int choices = counts.length;
    int occupied = 0;
    double n = 0;
    for (double c : counts) {
      n += c;
      if (c > 0) occupied++;
    }
    int kernels = occupied + 1;
    double total = n + PRIOR_WEIGHT;
    double[] pdf = new double[choices];
    // each observed kernel: prior_weight / kernels on every choice, +1 on its own, then normalized
    double rowSum = PRIOR_WEIGHT / kernels * choices + 1;
    for (int c = 0; c < choices; c++) {
      if (counts[c] > 0) {
        for (int o = 0; o < choices; o++) pdf[o] += counts[c] / total * (PRIOR_WEIGHT / kernels + (o == c ? 1 : 0)) / rowSum;
      }
      pdf[c] += PRIOR_WEIGHT / total / choices;
    }
    return pdf;
  }

  private static double cdf(double z) {
    return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
  }

  private static int searchLeft(double[] sorted, double v) {
    int i = 0;
    while (i < sorted.length && sorted[i] < v) i++;
    return i;
  }

  private static int searchRight(double[] sorted, double v) {
    int i = 0;
    while (i < sorted.length && sorted[i] <= v) i++;
    return i;
  }
}
