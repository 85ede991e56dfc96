package org.tunelab.cli;

/** A failure a command reports as one line on stderr with a given exit code. */
class CliException extends RuntimeException {
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
