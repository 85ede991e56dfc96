package org.tunelab.app;

import java.util.List;
import java.util.Map;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Everything the study area shows of one study, read and computed on a background thread.
 *
 * @param paramNames every parameter any trial used, sorted, one table column each
 * @param rows one per trial, by number
 */
public record StudySnapshot(long studyId, String name, List<StudyDirection> directions, List<String> paramNames,
    List<TrialRow> rows, OptimizationHistory history, Map<TrialState, Integer> stateCounts) {

  public StudySnapshot {
    directions = List.copyOf(directions);
    paramNames = List.copyOf(paramNames);
    rows = List.copyOf(rows);
    stateCounts = Map.copyOf(stateCounts);
  }
}
