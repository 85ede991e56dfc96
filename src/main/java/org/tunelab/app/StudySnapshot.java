package org.tunelab.app;

import java.util.List;
import java.util.Map;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Everything the study area shows of one study, read and computed on a background thread.
 *
 * @param paramNames every parameter any trial used, sorted, one table column each
 * @param userAttrKeys every user attribute key any trial has, sorted, one table column each
 * @param rows one per trial, by number
 * @param trials the trials themselves, by number, for the plots
 * @param best a line about the best trial (or the size of the Pareto front); empty without one
 * @param compared the histories of the other studies chosen for comparison, by study name, in the
 *     order they were chosen; empty when none is
 */
public record StudySnapshot(long studyId, String name, List<StudyDirection> directions, List<String> paramNames,
    List<String> userAttrKeys, List<TrialRow> rows, OptimizationHistory history, Map<TrialState, Integer> stateCounts,
    List<FrozenTrial> trials, String best, Map<String, OptimizationHistory> compared) {

  /** A snapshot compared with no other study. */
  public StudySnapshot(long studyId, String name, List<StudyDirection> directions, List<String> paramNames,
      List<String> userAttrKeys, List<TrialRow> rows, OptimizationHistory history,
      Map<TrialState, Integer> stateCounts, List<FrozenTrial> trials, String best) {
    this(studyId, name, directions, paramNames, userAttrKeys, rows, history, stateCounts, trials, best, Map.of());
  }

  public StudySnapshot {
    directions = List.copyOf(directions);
    paramNames = List.copyOf(paramNames);
    userAttrKeys = List.copyOf(userAttrKeys);
    rows = List.copyOf(rows);
    stateCounts = Map.copyOf(stateCounts);
    trials = List.copyOf(trials);
    compared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(compared));
  }
}
