package org.tunelab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.tunelab.storage.Storage;
import org.tunelab.storage.TrialCursor;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * The trials of one study as this process last read them, brought up to date on every read. A
 * sampler reads the whole history before each trial; reading it all from the store each time makes
 * a long study quadratic (at 40,000 trials a full read takes longer than the trial). Finished trials
 * never change, so after the first reading only new and unfinished trials are read again
 * ({@link Storage#trialsSince}), whichever process wrote them. Thread-safe.
 */
final class TrialHistory {
  private final Storage storage;
  private final long studyId;
  private final TreeMap<Integer, FrozenTrial> byNumber = new TreeMap<>();
  private TrialCursor cursor = TrialCursor.START;

  TrialHistory(Storage storage, long studyId) {
    this.storage = storage;
    this.studyId = studyId;
  }

  /** Up-to-date snapshots of the trials in {@code states} (all when empty), by number. */
  synchronized List<FrozenTrial> read(Set<TrialState> states) {
    List<FrozenTrial> changed = storage.trialsSince(studyId, cursor);
    for (FrozenTrial t : changed) byNumber.put(t.number(), t);
    cursor = cursor.advance(changed);
    if (states.isEmpty()) return List.copyOf(byNumber.values());
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : byNumber.values()) {
      if (states.contains(t.state())) out.add(t);
    }
    return out;
  }
}
