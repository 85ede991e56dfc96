package org.tunelab.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tunelab.trial.FrozenTrial;

/**
 * Where an incremental reader of one study left off, for {@link Storage#trialsSince}. Optuna's schema
 * has no change timestamps, but it needs none: trial ids only grow, and a finished trial never
 * changes. So what may be new or changed since a reading is every trial with a larger id than the
 * largest one read, and every trial that was not finished then.
 *
 * <pre>{@code
 * TrialCursor cursor = TrialCursor.START;
 * List<FrozenTrial> changed = storage.trialsSince(studyId, cursor);  // everything, the first time
 * cursor = cursor.advance(changed);
 * }</pre>
 *
 * @param lastTrialId the largest trial id read so far; -1 before the first reading
 * @param unfinished ids of trials that were RUNNING or WAITING when last read
 */
public record TrialCursor(long lastTrialId, Set<Long> unfinished) {
  /** Before the first reading: everything is new. */
  public static final TrialCursor START = new TrialCursor(-1, Set.of());

  public TrialCursor {
    unfinished = Set.copyOf(unfinished);
  }

  /** The cursor after reading {@code changed}, the result of {@code trialsSince(study, this)}. */
  public TrialCursor advance(List<FrozenTrial> changed) {
    long last = lastTrialId;
    Set<Long> open = new HashSet<>(unfinished);
    for (FrozenTrial t : changed) {
      last = Math.max(last, t.trialId());
      if (t.state().isFinished()) open.remove(t.trialId());
      else open.add(t.trialId());
    }
    return new TrialCursor(last, open);
  }
}
