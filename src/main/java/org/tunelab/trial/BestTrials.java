package org.tunelab.trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The best trial of one objective and the Pareto set of several, over COMPLETE trials only. */
public final class BestTrials {
  private BestTrials() {}

  /**
   * The best COMPLETE trial for a single objective; ties go to the lower number. Infinite values rank
   * as numbers do ({@code -inf} is the best minimum), unlike Optuna 3.1, which ranks them by a NULL column.
   */
  public static Optional<FrozenTrial> best(List<FrozenTrial> trials, StudyDirection direction) {
    Comparator<Double> order = direction == StudyDirection.MAXIMIZE ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && t.hasValues() && !Double.isNaN(t.values().get(0)))
        .min(Comparator.comparing((FrozenTrial t) -> t.values().get(0), order)
            .thenComparingInt(FrozenTrial::number));
  }

  /** COMPLETE trials no other COMPLETE trial dominates, by number; duplicates of a point all stay. */
  public static List<FrozenTrial> paretoFront(List<FrozenTrial> trials, List<StudyDirection> directions) {
    List<FrozenTrial> complete = trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && t.hasValues() && t.values().size() == directions.size())
        .sorted(Comparator.comparingInt(FrozenTrial::number))
        .toList();
    List<FrozenTrial> front = new ArrayList<>();
    for (FrozenTrial candidate : complete) {
      boolean dominated = false;
      for (FrozenTrial other : complete) {
        if (other != candidate && dominates(other.values(), candidate.values(), directions)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) front.add(candidate);
    }
    return front;
  }

  /** Whether {@code a} is no worse than {@code b} in every objective and better in one. */
  public static boolean dominates(List<Double> a, List<Double> b, List<StudyDirection> directions) {
    boolean strictlyBetter = false;
    for (int i = 0; i < directions.size(); i++) {
      StudyDirection d = directions.get(i);
      double x = a.get(i);
      double y = b.get(i);
      if (d.isBetter(y, x)) return false;
      if (d.isBetter(x, y)) strictlyBetter = true;
    }
    return strictlyBetter;
  }
}
