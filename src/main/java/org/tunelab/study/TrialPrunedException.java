package org.tunelab.study;

/** Thrown by an objective to end its trial as PRUNED, usually after {@link Trial#shouldPrune()}. */
public class TrialPrunedException extends RuntimeException {
  public TrialPrunedException() {
    super("trial pruned");
  }

  public TrialPrunedException(String message) {
    super(message);
  }
}
