package org.tunelab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunelab.analysis.OptimizationHistory.Point;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class OptimizationHistoryTest {

  private static FrozenTrial trial(int number, TrialState state, Double... values) {
    return new FrozenTrial(number, number, state, values.length == 0 ? null : List.of(values), null, null,
        null, null, null, null, null);
  }

  @Test
  void plotsCompleteTrialsAndTheBestSoFarWhenMinimizing() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 5.0), trial(1, TrialState.FAIL),
        trial(2, TrialState.COMPLETE, 7.0), trial(3, TrialState.PRUNED, 1.0), trial(4, TrialState.COMPLETE, 2.0));
    OptimizationHistory h = OptimizationHistory.of(trials, List.of(StudyDirection.MINIMIZE), 0);
    assertEquals(List.of(new Point(0, 5.0), new Point(2, 7.0), new Point(4, 2.0)), h.points());
    assertEquals(List.of(new Point(0, 5.0), new Point(2, 5.0), new Point(4, 2.0)), h.bestSoFar());
  }

  @Test
  void bestSoFarRisesWhenMaximizing() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 1.0), trial(1, TrialState.COMPLETE, 3.0),
        trial(2, TrialState.COMPLETE, 2.0));
    OptimizationHistory h = OptimizationHistory.of(trials, List.of(StudyDirection.MAXIMIZE), 0);
    assertEquals(List.of(1.0, 3.0, 3.0), h.bestSoFar().stream().map(Point::value).toList());
  }

  @Test
  void leavesOutAndCountsNonFiniteValues() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, Double.POSITIVE_INFINITY),
        trial(1, TrialState.COMPLETE, 4.0), trial(2, TrialState.COMPLETE, Double.NaN));
    OptimizationHistory h = OptimizationHistory.of(trials, List.of(StudyDirection.MINIMIZE), 0);
    assertEquals(List.of(new Point(1, 4.0)), h.points());
    assertEquals(2, h.skipped());
  }

  @Test
  void showsTheChosenObjectiveOfSeveral() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 1.0, 10.0), trial(1, TrialState.COMPLETE, 2.0, 20.0));
    OptimizationHistory h = OptimizationHistory.of(trials,
        List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE), 1);
    assertEquals(List.of(new Point(0, 10.0), new Point(1, 20.0)), h.points());
    assertEquals(List.of(10.0, 20.0), h.bestSoFar().stream().map(Point::value).toList());
    assertEquals(2, h.objectiveCount());
    assertEquals(StudyDirection.MAXIMIZE, h.direction());
  }

  @Test
  void rejectsAnObjectiveTheStudyDoesNotHave() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizationHistory.of(List.of(), List.of(StudyDirection.MINIMIZE), 1));
    assertEquals("objective must be in [0, 1), got 1", e.getMessage());
  }
}
