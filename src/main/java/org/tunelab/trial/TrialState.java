package org.tunelab.trial;

/** A trial's life cycle, stored by name exactly as Optuna stores it. */
public enum TrialState {
  RUNNING, COMPLETE, PRUNED, FAIL, WAITING;

  /** Whether the trial has ended; a finished trial never changes again. */
  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
