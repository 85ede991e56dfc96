package org.tunelab.sampler.gp;

import java.util.List;
import java.util.SplittableRandom;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/** What the objective GP models: one maximised number per trial, standardised. */
final class Targets {
  private static final double PAREGO_RHO = 0.05;

  private Targets() {}

  /**
   * One objective: its value, negated when minimised. Several: the negated ParEGO scalarisation
   * {@code max_k w_k f_k + 0.05 sum_k w_k f_k} of the objectives turned to minimisation and
   * normalised to [0, 1], with weights drawn uniformly from the simplex by {@code rng}.
   * Non-finite values are clipped to the finite range, as in Optuna.
   */
  static double[] maximised(List<FrozenTrial> trials, List<StudyDirection> directions, SplittableRandom rng) {
    int n = trials.size();
    int m = directions.size();
    double[][] f = new double[n][m];
    for (int k = 0; k < m; k++) {
      double sign = directions.get(k) == StudyDirection.MINIMIZE ? 1 : -1;
      double[] col = new double[n];
      for (int r = 0; r < n; r++) col[r] = sign * trials.get(r).values().get(k);
      clipNonFinite(col);
      for (int r = 0; r < n; r++) f[r][k] = col[r];
    }
    double[] out = new double[n];
    if (m == 1) {
      for (int r = 0; r < n; r++) out[r] = -f[r][0];
      return out;
    }
    double[] w = new double[m];
    double total = 0;
    for (int k = 0; k < m; k++) {
      w[k] = -Math.log(1 - rng.nextDouble());
      total += w[k];
    }
    for (int k = 0; k < m; k++) w[k] /= total;
    double[] lo = new double[m];
    double[] hi = new double[m];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] row : f) {
      for (int k = 0; k < m; k++) {
        lo[k] = Math.min(lo[k], row[k]);
        hi[k] = Math.max(hi[k], row[k]);
      }
    }
    for (int r = 0; r < n; r++) {
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int k = 0; k < m; k++) {
        double v = hi[k] > lo[k] ? (f[r][k] - lo[k]) / (hi[k] - lo[k]) : 0;
        max = Math.max(max, w[k] * v);
        sum += w[k] * v;
      }
      out[r] = -(max + PAREGO_RHO * sum);
    }
    return out;
  }

  /** Objective {@code k} of each trial turned into "maximise" (negated when minimised), non-finite values clipped. */
  static double[] maximised(List<FrozenTrial> trials, StudyDirection direction, int k) {
    double sign = direction == StudyDirection.MINIMIZE ? 1 : -1;
    double[] col = new double[trials.size()];
    for (int r = 0; r < col.length; r++) col[r] = sign * trials.get(r).values().get(k);
    clipNonFinite(col); // as a loss, so that NaN becomes the worst value
    for (int r = 0; r < col.length; r++) col[r] = -col[r];
    return col;
  }

  /** Infinite values become the finite minimum or maximum (NaN the maximum). */
  static void clipNonFinite(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (Double.isFinite(x)) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 0;
    }
    for (int i = 0; i < v.length; i++) {
      if (v[i] == Double.NEGATIVE_INFINITY) v[i] = lo;
      else if (!Double.isFinite(v[i])) v[i] = hi;
    }
  }

  /** (v - mean) / std, std floored at 1e-10. */
  static double[] standardise(double[] v) {
    double mean = 0;
    for (double x : v) mean += x;
    mean /= v.length;
    double var = 0;
    for (double x : v) var += (x - mean) * (x - mean);
    double std = Math.max(Math.sqrt(var / v.length), 1e-10);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (v[i] - mean) / std;
    return out;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  static double std(double[] v) {
    double mean = mean(v);
    double var = 0;
    for (double x : v) var += (x - mean) * (x - mean);
    return Math.max(Math.sqrt(var / v.length), 1e-10);
  }
}
