package org.tunelab.storage;

/** A failure of the store itself (I/O, locking, a damaged file); the message names the store and the operation. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
