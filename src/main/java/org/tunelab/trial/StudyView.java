package org.tunelab.trial;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sampler or pruner may see of a study and change in it. A study hands one to its sampler
 * and pruner; every call reads the storage, so a view reflects trials written by other workers and
 * other processes. Implementations are thread-safe.
 */
public interface StudyView {

  String studyName();

  List<StudyDirection> directions();

  /** Snapshots of the trials in the given states (all states when {@code states} is empty), by number. */
  List<FrozenTrial> trials(Set<TrialState> states);

  /** The latest snapshot of one trial. */
  FrozenTrial trial(long trialId);

  Map<String, Object> systemAttrs();

  void setSystemAttr(String key, Object value);

  /** Writes a system attribute of a trial that is still running or waiting. */
  void setTrialSystemAttr(long trialId, String key, Object value);

  /** Asks the study's optimize loops to stop after the trials in flight. */
  void stop();

  default boolean isMultiObjective() {
    return directions().size() > 1;
  }
}
