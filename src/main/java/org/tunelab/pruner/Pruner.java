package org.tunelab.pruner;

import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/**
 * Decides whether a running trial should stop early. Called from the worker that runs the trial,
 * after each reported value; {@code trial} is a fresh snapshot including that value. Implementations
 * are thread-safe and keep no state apart from what the study stores.
 */
public interface Pruner {

  /** Whether {@code trial} should be pruned now. */
  boolean prune(StudyView study, FrozenTrial trial);

  /** Type and settings, recorded in the study's system attributes. */
  Map<String, Object> settings();

  /** A pruner that never prunes. */
  static Pruner none() {
    return NopPruner.INSTANCE;
  }
}
