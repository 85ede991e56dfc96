package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * The Pareto front of a study with two or three objectives (Optuna's {@code plot_pareto_front}) and
 * the hypervolume history ({@code plot_hypervolume_history}). Each completed trial is on the front,
 * dominated, or infeasible (violating its constraints; never on the front). The hypervolume after
 * each trial counts the feasible trials up to it against {@code reference}: by default the worst
 * feasible value of each objective moved out by a tenth of its span, so every point adds volume.
 *
 * <pre>{@code
 * ParetoFront front = ParetoFront.of(trials, study.directions(), null);
 * front.points().stream().filter(p -> p.category() == Category.BEST);
 * }</pre>
 *
 * @param objectives the objectives on the axes (2 or 3), by index
 * @param points every completed trial with finite values for the shown objectives
 * @param reference the hypervolume's reference point, in the objectives' own directions
 * @param hypervolume after each feasible trial, by number, the hypervolume so far
 */
public record ParetoFront(List<StudyDirection> directions, List<Integer> objectives, List<Point> points,
    double[] reference, List<OptimizationHistory.Point> hypervolume) {

  /** Where a trial stands. */
  public enum Category { BEST, DOMINATED, INFEASIBLE }

  /** A trial's values of the shown objectives. */
  public record Point(int trialNumber, double[] values, Category category) {}

  public ParetoFront {
    directions = List.copyOf(directions);
    objectives = List.copyOf(objectives);
    points = List.copyOf(points);
    hypervolume = List.copyOf(hypervolume);
  }

  /**
   * The front of the first two or three objectives (all of them when the study has 2 or 3).
   *
   * @param reference the hypervolume reference point, or {@code null} for the default
   * @throws IllegalArgumentException for a study with one objective
   */
  public static ParetoFront of(List<FrozenTrial> trials, List<StudyDirection> directions, double[] reference) {
    if (directions.size() < 2) {
      throw new IllegalArgumentException("a Pareto front needs 2 or 3 objectives; this study has " + directions.size());
    }
    int n = Math.min(3, directions.size());
    List<Integer> objectives = new ArrayList<>();
    for (int d = 0; d < n; d++) objectives.add(d);
    List<FrozenTrial> complete = Targets.completeWithFinite(trials, 0);
    complete.removeIf(t -> t.values().size() < n || !t.values().subList(0, n).stream().allMatch(Double::isFinite));
    complete.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
    List<double[]> minimized = new ArrayList<>();
    List<Boolean> feasible = new ArrayList<>();
    for (FrozenTrial t : complete) {
      double[] m = new double[n];
      for (int d = 0; d < n; d++) m[d] = sign(directions.get(d)) * t.values().get(d);
      minimized.add(m);
      feasible.add(Feasibility.isFeasible(t));
    }
    boolean[] best = nonDominated(minimized, feasible);
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < complete.size(); k++) {
      Category c = !feasible.get(k) ? Category.INFEASIBLE : best[k] ? Category.BEST : Category.DOMINATED;
      double[] raw = new double[n];
      for (int d = 0; d < n; d++) raw[d] = complete.get(k).values().get(d);
      points.add(new Point(complete.get(k).number(), raw, c));
    }
    double[] ref = reference != null ? minimizedReference(reference, directions, n) : defaultReference(minimized, feasible, n);
    List<OptimizationHistory.Point> history = hypervolumeHistory(complete, minimized, feasible, ref);
    double[] refOut = new double[n];
    for (int d = 0; d < n; d++) refOut[d] = sign(directions.get(d)) * ref[d];
    return new ParetoFront(directions.subList(0, n), objectives, points, refOut, history);
  }

  /**
   * Which feasible points no other feasible point dominates. In lexicographic order a dominator comes
   * before what it dominates, and dominance is transitive, so comparing with the front found so far
   * suffices: O(n log n + n * front) rather than O(n^2), which matters at 100,000 trials.
   */
  static boolean[] nonDominated(List<double[]> minimized, List<Boolean> feasible) {
    Integer[] order = new Integer[minimized.size()];
    for (int k = 0; k < order.length; k++) order[k] = k;
    java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compare(minimized.get(a), minimized.get(b)));
    boolean[] best = new boolean[order.length];
    List<double[]> front = new ArrayList<>();
    for (int k : order) {
      if (!feasible.get(k)) continue;
      double[] p = minimized.get(k);
      boolean dominated = false;
      for (double[] f : front) {
        if (Hypervolumes.dominates(f, p)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(p);
        best[k] = true;
      }
    }
    return best;
  }

  private static List<OptimizationHistory.Point> hypervolumeHistory(List<FrozenTrial> trials, List<double[]> minimized,
      List<Boolean> feasible, double[] ref) {
    List<OptimizationHistory.Point> history = new ArrayList<>();
    List<double[]> front = new ArrayList<>();
    double hv = 0;
    for (int k = 0; k < trials.size(); k++) {
      if (!feasible.get(k)) continue;
      double[] p = minimized.get(k);
      boolean dominated = front.stream().anyMatch(f -> Hypervolumes.dominates(f, p) || java.util.Arrays.equals(f, p));
      if (!dominated) {
        // only a point that enters the front changes the volume; keep the front small
        front.removeIf(f -> Hypervolumes.dominates(p, f));
        front.add(p);
        hv = Hypervolumes.of(front, ref);
      }
      history.add(new OptimizationHistory.Point(trials.get(k).number(), hv));
    }
    return history;
  }

  private static double[] defaultReference(List<double[]> minimized, List<Boolean> feasible, int n) {
    double[] worst = new double[n];
    double[] best = new double[n];
    java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int k = 0; k < minimized.size(); k++) {
      if (!feasible.get(k)) continue;
      for (int d = 0; d < n; d++) {
        worst[d] = Math.max(worst[d], minimized.get(k)[d]);
        best[d] = Math.min(best[d], minimized.get(k)[d]);
      }
    }
    double[] ref = new double[n];
    for (int d = 0; d < n; d++) {
      double span = worst[d] - best[d];
      ref[d] = Double.isFinite(worst[d]) ? worst[d] + (span > 0 ? span * 0.1 : Math.max(1e-12, Math.abs(worst[d]) * 0.1 + 1e-12)) : 0;
    }
    return ref;
  }

  private static double[] minimizedReference(double[] reference, List<StudyDirection> directions, int n) {
    if (reference.length != n) {
      throw new IllegalArgumentException("reference point needs " + n + " values, got " + reference.length);
    }
    double[] ref = new double[n];
    for (int d = 0; d < n; d++) ref[d] = sign(directions.get(d)) * reference[d];
    return ref;
  }

  private static double sign(StudyDirection direction) {
    return direction == StudyDirection.MAXIMIZE ? -1 : 1;
  }

  /** How many objectives are shown: 2 or 3. */
  public int dimensions() {
    return objectives.size();
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }
}
