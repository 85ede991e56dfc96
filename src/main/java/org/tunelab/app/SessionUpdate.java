package org.tunelab.app;

import java.util.List;
import org.tunelab.storage.StudySummary;

/** What a {@link StudyWatcher} hands to the UI: a fresh reading of the database, or why there is none. */
public sealed interface SessionUpdate {

  /**
   * A consistent reading of the database.
   *
   * @param study the selected study, or {@code null} when none is selected (or it vanished)
   */
  record Loaded(long dataVersion, List<StudySummary> studies, StudySnapshot study) implements SessionUpdate {
    public Loaded {
      studies = List.copyOf(studies);
    }
  }

  /** Reading failed; {@code message} is for the user, {@code cause} for the details area. */
  record Failed(String message, Throwable cause) implements SessionUpdate {}
}
