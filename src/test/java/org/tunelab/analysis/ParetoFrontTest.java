package org.tunelab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.analysis.ParetoFront.Category;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class ParetoFrontTest {
  private static final List<StudyDirection> MIN2 = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);

  private static FrozenTrial t(int n, double... v) {
    return Trials.complete(n, java.util.Arrays.stream(v).boxed().toList());
  }

  @Test
  void sortsTrialsIntoFrontDominatedAndInfeasible() {
    FrozenTrial infeasible = Trials.trial(3, TrialState.COMPLETE, List.of(0.0, 0.0),
        Map.of(Feasibility.CONSTRAINTS_KEY, List.of(0.5, -1.0)));
    List<FrozenTrial> trials = List.of(t(0, 1, 3), t(1, 2, 2), t(2, 3, 3), infeasible, t(4, 3, 1));
    ParetoFront f = ParetoFront.of(trials, MIN2, null);
    assertEquals(List.of(Category.BEST, Category.BEST, Category.DOMINATED, Category.INFEASIBLE, Category.BEST),
        f.points().stream().map(ParetoFront.Point::category).toList());
  }

  @Test
  void maximizedObjectivesFlipDominance() {
    List<FrozenTrial> trials = List.of(t(0, 1, 1), t(1, 2, 1));
    ParetoFront f = ParetoFront.of(trials, List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE), null);
    assertEquals(List.of(Category.BEST, Category.DOMINATED), f.points().stream().map(ParetoFront.Point::category).toList());
  }

  @Test
  void hypervolumeHistoryGrowsAsTheFrontImproves() {
    List<FrozenTrial> trials = List.of(t(0, 2, 2), t(1, 3, 3), t(2, 1, 3), t(3, 3, 1));
    ParetoFront f = ParetoFront.of(trials, MIN2, new double[] {4, 4});
    // (2,2) -> 4; (3,3) dominated -> 4; + (1,3): 4 + 1 = 5; + (3,1): 5 + 1 = 6
    assertEquals(List.of(4.0, 4.0, 5.0, 6.0), f.hypervolume().stream().map(OptimizationHistory.Point::value).toList());
  }

  @Test
  void threeObjectiveHypervolumeIsExact() {
    double hv = Hypervolumes.of(List.of(new double[] {0, 0, 1}, new double[] {1, 1, 0}), new double[] {2, 2, 2});
    // box (0,0,1)-(2,2,2) = 4; box (1,1,0)-(2,2,2) = 2; overlap (1,1,1)-(2,2,2) = 1
    assertEquals(5.0, hv, 1e-12);
  }

  @Test
  void refusesASingleObjectiveStudy() {
    assertThrows(IllegalArgumentException.class, () -> ParetoFront.of(List.of(t(0, 1)), List.of(StudyDirection.MINIMIZE), null));
  }
}
