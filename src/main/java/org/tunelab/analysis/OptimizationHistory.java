package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * The data of an optimization history plot for one objective: each COMPLETE trial's value by trial
 * number, and the best value found so far as a step line. Infeasible trials (constraints violated)
 * are kept apart and do not count for the best value, as in Optuna's plot.
 *
 * <pre>{@code
 * OptimizationHistory h = OptimizationHistory.of(trials, study.directions(), 0);
 * h.points();   // one per COMPLETE trial with a finite value
 * h.bestSoFar(); // non-increasing for MINIMIZE
 * }</pre>
 *
 * @param objective which objective (0-based) this history shows
 * @param objectiveCount how many objectives the study has; more than one means only one is shown
 * @param direction the direction of the shown objective
 * @param points one point per feasible COMPLETE trial with a finite value of that objective, by number
 * @param bestSoFar after each feasible point, the best feasible value up to and including it
 * @param infeasible COMPLETE trials that violate their constraints, drawn apart
 * @param skipped COMPLETE trials left out because their value was infinite or NaN
 */
public record OptimizationHistory(
    int objective,
    int objectiveCount,
    StudyDirection direction,
    List<Point> points,
    List<Point> bestSoFar,
    List<Point> infeasible,
    int skipped) {

  /** One trial's value (or the best value so far) at a trial number. */
  public record Point(int trialNumber, double value) {}

  public OptimizationHistory {
    Objects.requireNonNull(direction, "direction");
    points = List.copyOf(points);
    bestSoFar = List.copyOf(bestSoFar);
    infeasible = List.copyOf(infeasible);
  }

  /** An empty history, for a study without trials. */
  public static OptimizationHistory empty(StudyDirection direction, int objectiveCount) {
    return new OptimizationHistory(0, objectiveCount, direction, List.of(), List.of(), List.of(), 0);
  }

  /**
   * The history of objective {@code objective} over {@code trials}; trials in other states are left
   * out because only a completed trial's value is comparable (Optuna's plot does the same).
   */
  public static OptimizationHistory of(List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    if (objective < 0 || objective >= directions.size()) {
      throw new IllegalArgumentException("objective must be in [0, " + directions.size() + "), got " + objective);
    }
    StudyDirection direction = directions.get(objective);
    List<FrozenTrial> complete = trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && t.hasValues() && t.values().size() > objective)
        .sorted(Comparator.comparingInt(FrozenTrial::number))
        .toList();
    List<Point> points = new ArrayList<>();
    List<Point> best = new ArrayList<>();
    List<Point> infeasible = new ArrayList<>();
    double bestValue = direction.worst();
    int skipped = 0;
    for (FrozenTrial t : complete) {
      double v = t.values().get(objective);
      if (!Double.isFinite(v)) {
        skipped++;
        continue;
      }
      if (!Feasibility.isFeasible(t)) {
        infeasible.add(new Point(t.number(), v));
        continue;
      }
      points.add(new Point(t.number(), v));
      if (best.isEmpty() || direction.isBetter(v, bestValue)) bestValue = v;
      best.add(new Point(t.number(), bestValue));
    }
    return new OptimizationHistory(objective, directions.size(), direction, points, best, infeasible, skipped);
  }

  public boolean isEmpty() {
    return points.isEmpty() && infeasible.isEmpty();
  }
}
