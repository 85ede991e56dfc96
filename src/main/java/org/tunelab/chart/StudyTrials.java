package org.tunelab.chart;

import java.util.List;
import java.util.Objects;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/** A study as read for plotting: its name, directions and trials. */
public record StudyTrials(String name, List<StudyDirection> directions, List<FrozenTrial> trials) {
  public StudyTrials {
    Objects.requireNonNull(name, "name");
    directions = List.copyOf(directions);
    trials = List.copyOf(trials);
  }

  /** The direction of objective {@code objective}; minimize for a study without directions. */
  public StudyDirection direction(int objective) {
    return objective < directions.size() ? directions.get(objective) : StudyDirection.MINIMIZE;
  }
}
