package org.tunelab.storage;

/** A study with that name already exists. */
public class DuplicateStudyException extends StorageException {
  public DuplicateStudyException(String studyName) {
    super("a study named \"" + studyName + "\" already exists");
  }
}
