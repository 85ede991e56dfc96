package org.tunelab.storage;

import org.tunelab.trial.TrialState;

/** The trial has finished (perhaps marked failed by another process) and can no longer change. */
public class TrialNotUpdatableException extends StorageException {
  public TrialNotUpdatableException(int number, TrialState state) {
    super("trial " + number + " is already " + state + " and can no longer be changed");
  }
}
