package org.tunelab.json;

/** Text that is not the JSON expected, with a message that says what is wrong. */
public class JsonFormatException extends IllegalArgumentException {
  public JsonFormatException(String message) {
    super(message);
  }

  public JsonFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
