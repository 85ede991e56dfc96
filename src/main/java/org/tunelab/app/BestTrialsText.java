package org.tunelab.app;

import java.util.List;
import java.util.Optional;
import org.tunelab.analysis.ParetoFront;
import org.tunelab.trial.BestTrials;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/** The study header's line about the best trial, or the Pareto front of a multi-objective study. */
final class BestTrialsText {
  private BestTrialsText() {}

  static String of(List<FrozenTrial> trials, List<StudyDirection> directions) {
    if (directions.size() == 1) {
      Optional<FrozenTrial> best = BestTrials.best(trials, directions.get(0));
      return best.map(t -> "Best: #" + t.number() + " = " + Formats.number(t.value())).orElse("");
    }
    if (directions.size() < 2) return "";
    ParetoFront front = ParetoFront.of(trials, directions, null);
    List<Integer> numbers = front.points().stream().filter(p -> p.category() == ParetoFront.Category.BEST)
        .map(ParetoFront.Point::trialNumber).toList();
    if (numbers.isEmpty()) return "";
    String shown = numbers.subList(0, Math.min(8, numbers.size())).stream().map(n -> "#" + n)
        .reduce((a, b) -> a + ", " + b).orElse("");
    return "Pareto front: " + numbers.size() + (numbers.size() == 1 ? " trial (" : " trials (") + shown
        + (numbers.size() > 8 ? ", …)" : ")");
  }
}
