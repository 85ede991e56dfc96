package org.tunelab.analysis.importance;

import java.util.List;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * Assesses how much each parameter matters for one objective. Uses the COMPLETE trials with a
 * finite value and the parameters every one of them used with the same distribution (Optuna's
 * intersection search space). Implementations are immutable and may be called from any thread.
 */
public interface ImportanceEvaluator {

  /**
   * The importances of the parameters for objective {@code objective}.
   *
   * @throws InsufficientTrialsException when fewer than two trials can be used
   */
  ParamImportances evaluate(List<FrozenTrial> trials, List<StudyDirection> directions, int objective);

  /** {@code fanova} or {@code ped-anova}, as the command line names it. */
  String name();
}
