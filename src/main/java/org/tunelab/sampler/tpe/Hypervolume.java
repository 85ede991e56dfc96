package org.tunelab.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto ranking and hypervolume for minimisation problems (values are negated beforehand for
 * maximised objectives). The hypervolume is exact, by slicing along the last objective down to a
 * two-objective sweep: fine for the few dozen points TPE's "below" set holds, in any dimension.
 */
final class Hypervolume {
  private Hypervolume() {}

  /** Whether a is no worse than b everywhere and better somewhere. */
  static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) return false;
      if (a[i] < b[i]) better = true;
    }
    return better;
  }

  /**
   * Non-domination rank of every point (0 = Pareto front), computed front by front until at least
   * {@code enough} points are ranked; the rest get {@code Integer.MAX_VALUE}.
   */
  static int[] nonDominationRanks(double[][] points, int enough) {
    int n = points.length;
    int[] rank = new int[n];
    Arrays.fill(rank, Integer.MAX_VALUE);
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>();
    for (int i = 0; i < n; i++) dominates.add(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(points[i], points[j])) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(points[j], points[i])) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < n; i++) if (dominatedBy[i] == 0) front.add(i);
    int ranked = 0;
    for (int r = 0; !front.isEmpty() && ranked < enough; r++) {
      List<Integer> next = new ArrayList<>();
      for (int i : front) {
        rank[i] = r;
        ranked++;
        for (int j : dominates.get(i)) if (--dominatedBy[j] == 0) next.add(j);
      }
      front = next;
    }
    return rank;
  }

  /** The hypervolume dominated by {@code points} and bounded by {@code ref}. */
  static double of(List<double[]> points, double[] ref) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      boolean ok = true;
      for (int i = 0; i < ref.length; i++) ok &= p[i] < ref[i];
      if (ok) inside.add(p);
    }
    return slice(inside, ref, ref.length);
  }

  private static double slice(List<double[]> points, double[] ref, int dims) {
    if (points.isEmpty()) return 0;
    if (dims == 1) {
      double best = ref[0];
      for (double[] p : points) best = Math.min(best, p[0]);
      return ref[0] - best;
    }
    if (dims == 2) return sweep2d(points, ref);
    int last = dims - 1;
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[last]));
    double volume = 0;
    List<double[]> active = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      active.add(sorted.get(i));
      double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
      double depth = top - sorted.get(i)[last];
      if (depth > 0) volume += depth * slice(active, ref, last);
    }
    return volume;
  }

  private static double sweep2d(List<double[]> points, double[] ref) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double area = 0;
    double ceiling = ref[1];
    for (double[] p : sorted) {
      if (p[1] < ceiling) {
        area += (ref[0] - p[0]) * (ceiling - p[1]);
        ceiling = p[1];
      }
    }
    return area;
  }

  /** Optuna's reference point: {@code max(1.1 * worst, 0.9 * worst)} per objective, zeros moved to EPS. */
  static double[] referencePoint(List<double[]> points) {
    int m = points.get(0).length;
    double[] ref = new double[m];
    for (int i = 0; i < m; i++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (double[] p : points) worst = Math.max(worst, p[i]);
      ref[i] = Math.max(1.1 * worst, 0.9 * worst);
      if (ref[i] == 0) ref[i] = 1e-12;
    }
    return ref;
  }

  /**
   * Greedy hypervolume subset selection: {@code k} of {@code points}, each step taking the point that
   * adds the most hypervolume (ties to the lower index). Returns indices into {@code points}.
   */
  static List<Integer> greedySubset(List<double[]> points, int k, double[] ref) {
    List<Integer> chosen = new ArrayList<>();
    List<double[]> selected = new ArrayList<>();
    boolean[] taken = new boolean[points.size()];
    double current = 0;
    while (chosen.size() < k) {
      int bestIndex = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < points.size(); i++) {
        if (taken[i]) continue;
        selected.add(points.get(i));
        double gain = of(selected, ref) - current;
        selected.remove(selected.size() - 1);
        if (gain > bestGain) {
          bestGain = gain;
          bestIndex = i;
        }
      }
      taken[bestIndex] = true;
      chosen.add(bestIndex);
      selected.add(points.get(bestIndex));
      current += bestGain;
    }
    return chosen;
  }
}
