package org.tunelab.run;

/** A trial's program failed or gave no value; the message is the reason recorded on the FAIL trial. */
public class CommandFailedException extends RuntimeException {
  public CommandFailedException(String reason) {
    super(reason);
  }
}
