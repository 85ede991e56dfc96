package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of a set of points in two or three dimensions, all objectives minimized: the
 * volume dominated by the points and bounded by a reference point. Points not strictly better than
 * the reference in every objective add nothing, as in Optuna.
 */
final class Hypervolumes {
  private Hypervolumes() {}

  static double of(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      boolean ok = true;
      for (int d = 0; d < reference.length; d++) ok &= p[d] < reference[d];
      if (ok) inside.add(p);
    }
    if (inside.isEmpty()) return 0;
    if (reference.length == 2) return area(inside, reference);
    if (reference.length == 3) return volume(inside, reference);
    throw new IllegalArgumentException("hypervolume needs 2 or 3 objectives, got " + reference.length);
  }

  private static double area(List<double[]> points, double[] ref) {
    double[][] sorted = points.toArray(new double[0][]);
    Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double area = 0;
    double bestY = ref[1];
    // sweep left to right: a point adds the strip between it and the next, below the best y so far
    for (int k = 0; k < sorted.length; k++) {
      bestY = Math.min(bestY, sorted[k][1]);
      double nextX = k + 1 < sorted.length ? sorted[k + 1][0] : ref[0];
      area += (nextX - sorted[k][0]) * (ref[1] - bestY);
    }
    return area;
  }

  private static double volume(List<double[]> points, double[] ref) {
    double[][] sorted = points.toArray(new double[0][]);
    Arrays.sort(sorted, Comparator.comparingDouble(p -> p[2]));
    double volume = 0;
    List<double[]> slab = new ArrayList<>();
    double[] ref2 = {ref[0], ref[1]};
    for (int k = 0; k < sorted.length; k++) {
      slab.add(sorted[k]);
      double nextZ = k + 1 < sorted.length ? sorted[k + 1][2] : ref[2];
      if (nextZ > sorted[k][2]) volume += area(slab, ref2) * (nextZ - sorted[k][2]);
    }
    return volume;
  }

  /** Whether {@code a} dominates {@code b}: no worse in every objective, better in one. */
  static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int d = 0; d < a.length; d++) {
      if (a[d] > b[d]) return false;
      if (a[d] < b[d]) better = true;
    }
    return better;
  }
}
