package org.tunelab.analysis.importance;

/** Importance cannot be assessed: too few completed trials, or no parameter they all share. */
public final class InsufficientTrialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsufficientTrialsException(String message) {
    super(message);
  }
}
