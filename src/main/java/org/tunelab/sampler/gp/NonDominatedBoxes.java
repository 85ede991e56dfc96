package org.tunelab.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Disjoint boxes whose union is the region a new point could add hypervolume in: every {@code y}
 * (all objectives maximised) that is above the reference point and not weakly dominated by a point
 * of the front. Box {@code k} spans {@code [lower[k][j], upper[k][j]]} in objective {@code j}; upper
 * bounds may be {@code +infinity} (the region is unbounded above), lower bounds are finite and at
 * least the reference point. Boundaries (a set of measure zero) may be shared.
 *
 * <p>Two objectives: sort the front by the first objective; {@code n + 1} boxes. More: the local
 * upper bounds of Klamroth, Lacour and Vanderpooten (2015), maintained with their defining points
 * (redundancy avoidance, assuming points in general position as Optuna and BoTorch do), turned into
 * disjoint boxes by equation 2 of Lacour, Klamroth and Fonseca (2017). The search region of the
 * front is the union of the orthants below its local upper bounds, which is the region dominated
 * by those bounds seen from the other side; applying the local-upper-bound construction to the
 * negated bounds with a reference at infinity and equation 2 yields a partition of it. The number
 * of boxes grows as {@code O(n^floor(M/2))} (linear for 3 objectives, quadratic for 4 and 5), so
 * {@link #of} gives up above a budget and the caller falls back (see {@code GpSampler}).
 *
 * @param lower per box, its lower corner
 * @param upper per box, its upper corner ({@code +infinity} where unbounded)
 */
record NonDominatedBoxes(double[][] lower, double[][] upper) {

  /** Thrown when the decomposition would exceed its box budget. */
  static final class TooManyBoxes extends RuntimeException {
    TooManyBoxes(int limit) {
      super("the non-dominated region needs more than " + limit + " boxes");
    }
  }

  int size() {
    return lower.length;
  }

  int objectives() {
    return lower.length == 0 ? 0 : lower[0].length;
  }

  /**
   * The boxes for {@code points} (maximised; dominated ones and those not strictly above
   * {@code reference} in every objective are ignored).
   *
   * @param maxBoxes the budget; more intermediate bounds than this throws {@link TooManyBoxes}
   */
  static NonDominatedBoxes of(double[][] points, double[] reference, int maxBoxes) {
    int m = reference.length;
    if (m < 2) throw new IllegalArgumentException("box decomposition needs 2 or more objectives, got " + m);
    double[][] front = front(points, reference);
    if (m == 2) return twoObjectives(front, reference);
    // Work in minimisation: the front negated, the reference its upper corner.
    double[][] loss = new double[front.length][];
    for (int r = 0; r < front.length; r++) loss[r] = negate(front[r]);
    List<Bound> search = upperBounds(loss, negate(reference), maxBoxes);
    double[][] negated = new double[search.size()][];
    for (int k = 0; k < negated.length; k++) negated[k] = negate(search.get(k).u);
    double[] infinity = new double[m];
    Arrays.fill(infinity, Double.POSITIVE_INFINITY);
    // The negated bounds are mutually non-dominated; their dominated region, partitioned, is the
    // (maximisation) improvement region itself.
    List<Bound> bounds = upperBounds(dedupeSorted(negated), infinity, maxBoxes);
    List<double[]> lo = new ArrayList<>();
    List<double[]> hi = new ArrayList<>();
    for (Bound b : bounds) {
      double[] l = new double[m];
      double[] h = new double[m];
      l[0] = b.z[0][0];
      h[0] = infinity[0];
      boolean empty = !(h[0] > l[0]);
      for (int j = 1; j < m && !empty; j++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < j; k++) max = Math.max(max, b.z[k][j]);
        l[j] = max;
        h[j] = b.u[j];
        empty = !(h[j] > l[j]);
      }
      if (empty) continue;
      lo.add(l);
      hi.add(h);
    }
    return new NonDominatedBoxes(lo.toArray(new double[0][]), hi.toArray(new double[0][]));
  }

  /** Optuna's reference point for maximised values: per objective {@code min(1.1 w, 0.9 w)} of the worst {@code w}, nudged down. */
  static double[] referencePoint(double[][] values) {
    int m = values[0].length;
    double[] ref = new double[m];
    for (int j = 0; j < m; j++) {
      double worst = Double.POSITIVE_INFINITY;
      for (double[] v : values) worst = Math.min(worst, v[j]);
      ref[j] = Math.nextDown(Math.min(1.1 * worst, 0.9 * worst));
    }
    return ref;
  }

  /** The points strictly above the reference and not weakly dominated by another, without duplicates. */
  static double[][] front(double[][] points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      boolean ok = true;
      for (int j = 0; j < reference.length; j++) ok &= p[j] > reference[j];
      if (ok) inside.add(p);
    }
    List<double[]> out = new ArrayList<>();
    for (int a = 0; a < inside.size(); a++) {
      boolean dominated = false;
      for (int b = 0; b < inside.size() && !dominated; b++) {
        if (a == b) continue;
        double[] p = inside.get(a);
        double[] q = inside.get(b);
        boolean geq = true;
        boolean equal = true;
        for (int j = 0; j < p.length; j++) {
          geq &= q[j] >= p[j];
          equal &= q[j] == p[j];
        }
        // an exact duplicate counts once: the later copy is dropped
        dominated = geq && (!equal || b < a);
      }
      if (!dominated) out.add(inside.get(a));
    }
    return out.toArray(new double[0][]);
  }

  private static NonDominatedBoxes twoObjectives(double[][] front, double[] ref) {
    double[][] f = front.clone();
    Arrays.sort(f, (a, b) -> Double.compare(b[0], a[0])); // first objective descending, so second ascending
    int n = f.length;
    double[][] lo = new double[n + 1][];
    double[][] hi = new double[n + 1][];
    double inf = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= n; i++) {
      double top = i == 0 ? inf : f[i - 1][0];
      double bottom = i == n ? ref[0] : f[i][0];
      double floor = i == 0 ? ref[1] : f[i - 1][1];
      lo[i] = new double[] {bottom, floor};
      hi[i] = new double[] {top, inf};
    }
    return new NonDominatedBoxes(lo, hi);
  }

  /** A local upper bound {@code u} (minimisation) and its defining points {@code z[k]}, with {@code z[k][k] = u[k]}. */
  private record Bound(double[] u, double[][] z) {}

  /**
   * The local upper bounds of {@code points} (minimised, mutually non-dominated) within
   * {@code ref}: the search region not dominated by them is the union of the open orthants below
   * the bounds. Redundancy avoidance: the bound {@code u} a point {@code p} falls below splits into
   * {@code (p_j, u_-j)} only where {@code p_j} is at least the other defining points' {@code j}-th
   * coordinate (otherwise the new bound would lie inside another's orthant).
   */
  private static List<Bound> upperBounds(double[][] points, double[] ref, int maxBoxes) {
    int m = ref.length;
    double[][] dummies = new double[m][m];
    for (int k = 0; k < m; k++) {
      Arrays.fill(dummies[k], Double.NEGATIVE_INFINITY);
      dummies[k][k] = ref[k];
    }
    List<Bound> bounds = new ArrayList<>(List.of(new Bound(ref.clone(), dummies)));
    double[][] sorted = points.clone();
    Arrays.sort(sorted, NonDominatedBoxes::lexicographic);
    for (double[] p : sorted) {
      List<Bound> next = new ArrayList<>(bounds.size() + m);
      List<Bound> split = new ArrayList<>();
      for (Bound b : bounds) {
        if (!strictlyBelow(p, b.u)) {
          next.add(b);
          continue;
        }
        for (int j = 0; j < m; j++) {
          double others = Double.NEGATIVE_INFINITY;
          for (int k = 0; k < m; k++) if (k != j) others = Math.max(others, b.z[k][j]);
          if (p[j] < others) continue;
          double[] u = b.u.clone();
          u[j] = p[j];
          double[][] z = b.z.clone();
          z[j] = p;
          split.add(new Bound(u, z));
        }
      }
      next.addAll(split);
      if (next.size() > maxBoxes) throw new TooManyBoxes(maxBoxes);
      bounds = next;
    }
    return bounds;
  }

  private static boolean strictlyBelow(double[] p, double[] u) {
    for (int j = 0; j < p.length; j++) if (!(p[j] < u[j])) return false;
    return true;
  }

  /** Sorted lexicographically, duplicates removed, dominated (minimisation) points removed. */
  private static double[][] dedupeSorted(double[][] points) {
    double[][] neg = new double[points.length][];
    for (int r = 0; r < points.length; r++) neg[r] = negate(points[r]);
    double[][] kept = front(neg, negInfinity(points.length == 0 ? 0 : points[0].length));
    double[][] out = new double[kept.length][];
    for (int r = 0; r < kept.length; r++) out[r] = negate(kept[r]);
    Arrays.sort(out, NonDominatedBoxes::lexicographic);
    return out;
  }

  private static double[] negInfinity(int m) {
    double[] v = new double[m];
    Arrays.fill(v, Double.NEGATIVE_INFINITY);
    return v;
  }

  private static int lexicographic(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      int c = Double.compare(a[j], b[j]);
      if (c != 0) return c;
    }
    return 0;
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) out[j] = -v[j];
    return out;
  }
}
