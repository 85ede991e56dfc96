package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Selecting the trials whose objective value a plot can show. */
final class Targets {
  private Targets() {}

  /** COMPLETE trials with a finite value of {@code objective}, in the order given. */
  static List<FrozenTrial> completeWithFinite(List<FrozenTrial> trials, int objective) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.hasValues() && t.values().size() > objective
          && Double.isFinite(t.values().get(objective))) {
        out.add(t);
      }
    }
    return out;
  }

  static void checkObjective(int objective, int objectiveCount) {
    if (objective < 0 || objective >= objectiveCount) {
      throw new IllegalArgumentException("objective must be in [0, " + objectiveCount + "), got " + objective);
    }
  }
}
