package org.tunelab.storage;

import java.util.List;

/** No study of that name; the message lists the studies that do exist. */
public class StudyNotFoundException extends StorageException {
  private final String studyName;

  public StudyNotFoundException(String studyName, List<String> existing) {
    super("no study named \"" + studyName + "\""
        + (existing.isEmpty() ? " (the store has no studies)" : "; studies: " + String.join(", ", existing)));
    this.studyName = studyName;
  }

  public String studyName() {
    return studyName;
  }
}
