package org.tunelab.pruner;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The one-sided Wilcoxon signed-rank test as SciPy's {@code wilcoxon(d, zero_method="zsplit")}
 * computes it: the exact null distribution for up to 50 differences without zeros or tied
 * magnitudes, otherwise the normal approximation with SciPy's tie correction and no continuity
 * correction. Zero differences are ranked and their ranks split between the two sides.
 */
final class SignedRankTest {
  private static final int EXACT_LIMIT = 50;
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private SignedRankTest() {}

  /**
   * The p-value of "the differences tend to be greater than 0" ({@code greater}) or "less than 0".
   */
  static double pValue(List<Double> diffs, boolean greater) {
    int n = diffs.size();
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) abs[i] = Math.abs(diffs.get(i));
    double[] ranks = ranks(abs);
    double rPlus = 0;
    boolean zeros = false;
    for (int i = 0; i < n; i++) {
      double d = diffs.get(i);
      if (d > 0) rPlus += ranks[i];
      else if (d == 0) {
        rPlus += ranks[i] / 2;
        zeros = true;
      }
    }
    boolean ties = hasTies(abs);
    if (n <= EXACT_LIMIT && !zeros && !ties) return exact(n, rPlus, greater);
    double mean = n * (n + 1) / 4.0;
    double variance = n * (n + 1.0) * (2 * n + 1);
    variance -= tieCorrection(abs);
    double z = (rPlus - mean) / Math.sqrt(variance / 24);
    return greater ? 1 - NORMAL.cumulativeProbability(z) : NORMAL.cumulativeProbability(z);
  }

  /** P(T+ >= r) or P(T+ <= r) under the null: every sign equally likely. */
  private static double exact(int n, double rPlus, boolean greater) {
    int max = n * (n + 1) / 2;
    double[] count = new double[max + 1];
    count[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int s = max; s >= rank; s--) count[s] += count[s - rank];
    }
    double total = Math.pow(2, n);
    int r = (int) Math.round(rPlus);
    double tail = 0;
    if (greater) for (int s = r; s <= max; s++) tail += count[s];
    else for (int s = 0; s <= r; s++) tail += count[s];
    return Math.min(1.0, tail / total);
  }

  /** Average ranks (1-based) of the values, ties sharing their mean rank. */
  static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) ranks[order[k]] = rank;
      i = j + 1;
    }
    return ranks;
  }

  private static boolean hasTies(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) if (sorted[i] == sorted[i - 1]) return true;
    return false;
  }

  /** SciPy's {@code 0.5 * sum(t * (t^2 - 1))} over groups of tied magnitudes. */
  private static double tieCorrection(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double correction = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) j++;
      long t = j - i + 1;
      if (t > 1) correction += 0.5 * t * (t * t - 1);
      i = j + 1;
    }
    return correction;
  }
}
