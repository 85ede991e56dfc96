package org.tunelab.storage;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * A study at a glance, as the study list shows it.
 *
 * @param bestTrial the best COMPLETE trial of a single-objective study, or {@code null}
 * @param datetimeStart when its first trial started, or {@code null} when none did
 */
public record StudySummary(
    long studyId,
    String name,
    List<StudyDirection> directions,
    Map<TrialState, Integer> stateCounts,
    FrozenTrial bestTrial,
    LocalDateTime datetimeStart,
    Map<String, Object> userAttrs) {

  public StudySummary {
    directions = List.copyOf(directions);
    EnumMap<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialState s : TrialState.values()) counts.put(s, stateCounts.getOrDefault(s, 0));
    stateCounts = Collections.unmodifiableMap(counts);
    userAttrs = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userAttrs == null ? Map.of() : userAttrs));
  }

  public int trialCount() {
    return stateCounts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
