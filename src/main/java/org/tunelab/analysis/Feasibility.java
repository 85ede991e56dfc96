package org.tunelab.analysis;

import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * Whether a trial satisfies its constraints. Optuna's samplers store a constrained trial's
 * constraint values in the system attribute {@code constraints}; a trial is feasible when every
 * value is at most 0, and a trial without the attribute is feasible.
 */
public final class Feasibility {
  /** The system attribute Optuna's samplers write constraint values to. */
  public static final String CONSTRAINTS_KEY = "constraints";

  private Feasibility() {}

  public static boolean isFeasible(FrozenTrial trial) {
    Object c = trial.systemAttrs().get(CONSTRAINTS_KEY);
    if (!(c instanceof List<?> values)) return true;
    for (Object v : values) {
      if (v instanceof Number n && !(n.doubleValue() <= 0.0)) return false;
    }
    return true;
  }
}
