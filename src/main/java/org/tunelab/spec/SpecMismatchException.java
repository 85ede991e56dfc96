package org.tunelab.spec;

import java.util.List;

/**
 * A spec names a study that exists with other directions or an incompatible search space. The
 * message lists every difference, one per line after the first.
 */
public class SpecMismatchException extends RuntimeException {
  private final List<String> differences;

  public SpecMismatchException(String studyName, List<String> differences) {
    super("study '" + studyName + "' exists and does not match the spec:\n  " + String.join("\n  ", differences));
    this.differences = List.copyOf(differences);
  }

  public List<String> differences() {
    return differences;
  }
}
