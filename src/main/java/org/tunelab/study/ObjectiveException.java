package org.tunelab.study;

/** An objective threw; the trial was recorded as FAIL and the optimization stopped. */
public class ObjectiveException extends RuntimeException {
  private final int trialNumber;

  public ObjectiveException(int trialNumber, Throwable cause) {
    super("trial " + trialNumber + " failed: " + cause, cause);
    this.trialNumber = trialNumber;
  }

  public int trialNumber() {
    return trialNumber;
  }
}
