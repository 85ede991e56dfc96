package org.tunelab.app;

/**
 * A database could not be opened. The message is short and written for the user; the cause, when
 * there is one, holds the details for the log and the dialog's expandable area.
 */
public final class DatabaseOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseOpenException(String message) {
    super(message);
  }

  public DatabaseOpenException(String message, Throwable cause) {
    super(message, cause);
  }
}
