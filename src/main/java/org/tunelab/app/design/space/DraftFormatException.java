package org.tunelab.app.design.space;

/** Text in a draft's field that cannot be read as what the field holds; the message says what and why. */
public class DraftFormatException extends IllegalArgumentException {
  public DraftFormatException(String message) {
    super(message);
  }
}
