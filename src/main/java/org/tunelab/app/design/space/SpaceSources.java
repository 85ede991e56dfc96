package org.tunelab.app.design.space;

import java.nio.file.Path;
import org.tunelab.spec.SpecReader;
import org.tunelab.storage.Storage;
import org.tunelab.trial.StudySearchSpace;

/**
 * Where a search space to edit can come from besides a template: a spec file or the trials of an
 * existing study. Both read files or a database, so callers run them off the UI thread and then call
 * {@link SpaceEditorViewModel#load(org.tunelab.space.SearchSpace, String)} on it.
 */
public final class SpaceSources {
  private SpaceSources() {}

  /** The {@code space:} of a spec file; throws {@link org.tunelab.spec.SpecException} with line-numbered problems. */
  public static org.tunelab.space.SearchSpace fromSpecFile(Path file) {
    return SpecReader.read(file).space();
  }

  /** The space the study's trials used, with notes on what was widened or inferred. */
  public static StudySearchSpace fromStudy(Storage storage, long studyId) {
    return StudySearchSpace.of(storage.trials(studyId));
  }
}
