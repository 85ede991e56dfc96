package org.tunelab.sampler.nsga3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.tunelab.sampler.nsga2.LastFrontSelection;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * NSGA-III's choice within the last front (Deb and Jain 2014, as Optuna's NSGAIIISampler): the
 * objectives of the kept fronts and the last front are translated by the ideal point and scaled by
 * the intercepts of the hyperplane through the extreme points; each trial is associated with the
 * reference direction nearest in perpendicular distance; then, one at a time, the least crowded
 * reference direction (fewest trials kept, ties at random) takes its nearest last-front member if
 * it has none kept yet, a random one otherwise. Directions with no last-front member drop out.
 */
final class ReferencePointNiching implements LastFrontSelection {
  private final int divisions;
  private final double[][] given;

  /** Das-Dennis points with {@code divisions}, or the {@code given} points when not null. */
  ReferencePointNiching(int divisions, double[][] given) {
    this.divisions = divisions;
    this.given = given == null ? null : Arrays.stream(given).map(double[]::clone).toArray(double[][]::new);
  }

  double[][] referencePoints(int objectives) {
    if (given == null) return ReferencePoints.dasDennis(objectives, divisions);
    for (double[] p : given) {
      if (p.length != objectives) {
        throw new IllegalArgumentException("reference_points have " + p.length + " coordinates but the study has "
            + objectives + " objectives");
      }
    }
    return given;
  }

  @Override
  public List<FrozenTrial> pick(List<FrozenTrial> chosen, List<FrozenTrial> lastFront, int count,
      List<StudyDirection> directions, SplittableRandom rng) {
    List<FrozenTrial> all = new ArrayList<>(chosen);
    all.addAll(lastFront);
    double[][] f = normalize(finite(minimised(all, directions)));
    double[][] refs = referencePoints(directions.size());
    int[] niche = new int[all.size()];
    double[] distance = new double[all.size()];
    associate(f, refs, niche, distance);
    int[] picked = preserveNiches(count, chosen.size(), niche, distance, refs.length, all, rng);
    List<FrozenTrial> out = new ArrayList<>();
    for (int i : picked) out.add(all.get(i));
    return out;
  }

  private static double[][] minimised(List<FrozenTrial> trials, List<StudyDirection> directions) {
    double[][] f = new double[trials.size()][directions.size()];
    for (int i = 0; i < f.length; i++) {
      for (int k = 0; k < directions.size(); k++) {
        double v = trials.get(i).values().get(k);
        f[i][k] = directions.get(k) == StudyDirection.MAXIMIZE ? -v : v;
      }
    }
    return f;
  }

  /** Infinite values moved one range beyond the finite ones of their objective, as Optuna does. */
  static double[][] finite(double[][] f) {
    int m = f.length == 0 ? 0 : f[0].length;
    for (int k = 0; k < m; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : f) {
        if (Double.isFinite(row[k])) {
          lo = Math.min(lo, row[k]);
          hi = Math.max(hi, row[k]);
        }
      }
      if (lo > hi) {
        lo = 0;
        hi = 0;
      }
      for (double[] row : f) {
        if (row[k] == Double.POSITIVE_INFINITY) row[k] = hi + (hi - lo);
        else if (row[k] == Double.NEGATIVE_INFINITY) row[k] = lo - (hi - lo);
      }
    }
    return f;
  }

  /**
   * Objectives translated so the ideal point is the origin and divided by the intercepts of the
   * hyperplane through the extreme points (each minimising its axis's achievement scalarizing
   * function with weight 1e-6 on the other axes). When that hyperplane is degenerate or cuts an
   * axis at a non-positive value, the paper says nothing; like Optuna, the largest translated
   * value of each objective is used instead.
   */
  static double[][] normalize(double[][] f) {
    int n = f.length;
    if (n == 0) return f;
    int m = f[0].length;
    double[][] t = new double[n][m];
    for (int k = 0; k < m; k++) {
      double ideal = Double.POSITIVE_INFINITY;
      for (double[] row : f) ideal = Math.min(ideal, row[k]);
      for (int i = 0; i < n; i++) t[i][k] = f[i][k] - ideal;
    }
    double[][] extremes = new double[m][];
    for (int axis = 0; axis < m; axis++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] row : t) {
        double asf = 0;
        for (int k = 0; k < m; k++) asf = Math.max(asf, k == axis ? row[k] : row[k] * 1e6);
        if (asf < best) {
          best = asf;
          extremes[axis] = row;
        }
      }
    }
    double[] scale = interceptsInverse(extremes);
    if (scale == null) {
      scale = new double[m];
      for (int k = 0; k < m; k++) {
        double max = 0;
        for (double[] row : t) max = Math.max(max, row[k]);
        scale[k] = max > 0 ? 1 / max : 1;
      }
    }
    for (double[] row : t) for (int k = 0; k < m; k++) row[k] *= scale[k];
    return t;
  }

  /** {@code 1/a_k} for the intercepts {@code a} of the plane through the extreme points, or null. */
  private static double[] interceptsInverse(double[][] extremes) {
    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(extremes), 1e-12).getSolver();
    if (!solver.isNonSingular()) return null;
    double[] inv = solver.solve(new ArrayRealVector(extremes.length, 1.0)).toArray();
    for (double x : inv) if (!(x > 1e-12) || !Double.isFinite(1 / x)) return null;
    return inv;
  }

  /** Each row's nearest reference direction by perpendicular distance, and that squared distance. */
  static void associate(double[][] f, double[][] refs, int[] niche, double[] distance) {
    double[][] unit = new double[refs.length][];
    for (int j = 0; j < refs.length; j++) {
      double norm = Math.sqrt(Arrays.stream(refs[j]).map(x -> x * x).sum());
      if (!(norm > 0)) throw new IllegalArgumentException("reference point " + j + " is the origin; it names no direction");
      unit[j] = Arrays.stream(refs[j]).map(x -> x / norm).toArray();
    }
    for (int i = 0; i < f.length; i++) {
      double sq = 0;
      for (double x : f[i]) sq += x * x;
      niche[i] = 0;
      distance[i] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < unit.length; j++) {
        double along = 0;
        for (int k = 0; k < f[i].length; k++) along += f[i][k] * unit[j][k];
        double d = Math.max(0, sq - along * along);
        if (d < distance[i]) {
          distance[i] = d;
          niche[i] = j;
        }
      }
    }
  }

  /**
   * Indices (into {@code all}) of the {@code count} last-front members kept: the first
   * {@code kept} rows are the whole fronts already kept, which only count towards their niches.
   */
  static int[] preserveNiches(int count, int kept, int[] niche, double[] distance, int refCount,
      List<FrozenTrial> all, SplittableRandom rng) {
    int[] nicheCount = new int[refCount];
    for (int i = 0; i < kept; i++) nicheCount[niche[i]]++;
    List<List<Integer>> members = new ArrayList<>();
    for (int j = 0; j < refCount; j++) members.add(new ArrayList<>());
    for (int i = kept; i < niche.length; i++) members.get(niche[i]).add(i);
    // Nearest first; the trial number breaks ties so the order does not depend on the input order.
    Comparator<Integer> nearest = Comparator.<Integer>comparingDouble(i -> distance[i]).thenComparingInt(i -> all.get(i).number());
    for (List<Integer> m : members) m.sort(nearest);
    boolean[] open = new boolean[refCount];
    for (int j = 0; j < refCount; j++) open[j] = !members.get(j).isEmpty();
    int[] out = new int[count];
    for (int taken = 0; taken < count; taken++) {
      int min = Integer.MAX_VALUE;
      List<Integer> least = new ArrayList<>();
      for (int j = 0; j < refCount; j++) {
        if (!open[j]) continue;
        if (nicheCount[j] < min) {
          min = nicheCount[j];
          least.clear();
        }
        if (nicheCount[j] == min) least.add(j);
      }
      int j = least.get(rng.nextInt(least.size()));
      List<Integer> m = members.get(j);
      out[taken] = nicheCount[j] == 0 ? m.remove(0) : m.remove(rng.nextInt(m.size()));
      nicheCount[j]++;
      if (m.isEmpty()) open[j] = false;
    }
    return out;
  }
}
