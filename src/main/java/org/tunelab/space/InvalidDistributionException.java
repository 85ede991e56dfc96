package org.tunelab.space;

/** A distribution definition or value that breaks a rule; the message says which and shows the values. */
public class InvalidDistributionException extends IllegalArgumentException {
  public InvalidDistributionException(String message) {
    super(message);
  }
}
