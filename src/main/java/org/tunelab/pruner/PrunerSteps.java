package org.tunelab.pruner;

import java.util.List;
import java.util.Set;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;

/** Step arithmetic shared by the pruners, as in Optuna's {@code pruners/_percentile.py}. */
final class PrunerSteps {
  private PrunerSteps() {}

  /** The study's only direction; pruning rules are defined for one objective. */
  static StudyDirection direction(StudyView study, String pruner) {
    List<StudyDirection> directions = study.directions();
    if (directions.size() != 1) {
      throw new UnsupportedOperationException(pruner + " needs a single-objective study; study \""
          + study.studyName() + "\" has " + directions.size() + " objectives");
    }
    return directions.get(0);
  }

  /**
   * Whether {@code step} is the first reported step at or after the latest pruning point, so that a
   * trial reporting every step is judged once per interval, and one that skips steps is not missed.
   */
  static boolean isFirstInIntervalStep(int step, Set<Integer> steps, int warmupSteps, int intervalSteps) {
    long nearestLowerPruningStep = Math.floorDiv(step - warmupSteps, intervalSteps) * (long) intervalSteps + warmupSteps;
    int secondLast = -1;
    for (int s : steps) if (s > secondLast && s != step) secondLast = s;
    return secondLast < nearestLowerPruningStep;
  }

  /** The best intermediate value of the trial (NaN-ignoring), NaN when all are NaN. */
  static double bestIntermediate(FrozenTrial trial, StudyDirection direction) {
    double best = Double.NaN;
    for (double v : trial.intermediateValues().values()) {
      if (Double.isNaN(v)) continue;
      if (Double.isNaN(best) || direction.isBetter(v, best)) best = v;
    }
    return best;
  }

  static void requireAtLeast(String name, long value, long min) {
    if (value < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
  }
}
