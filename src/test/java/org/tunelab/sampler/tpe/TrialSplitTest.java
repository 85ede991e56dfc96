package org.tunelab.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class TrialSplitTest {
  private static final List<StudyDirection> MIN = List.of(StudyDirection.MINIMIZE);

  private static FrozenTrial complete(int number, double... values) {
    List<Double> v = new ArrayList<>();
    for (double x : values) v.add(x);
    return new FrozenTrial(number, number, TrialState.COMPLETE, v, null, null, null, null, null, null, null);
  }

  private static FrozenTrial pruned(int number, Map<Integer, Double> reports) {
    return new FrozenTrial(number, number, TrialState.PRUNED, null, null, null, null, null, null, null,
        new TreeMap<>(reports));
  }

  private static FrozenTrial withConstraints(FrozenTrial t, double... c) {
    List<Double> list = new ArrayList<>();
    for (double x : c) list.add(x);
    return new FrozenTrial(t.trialId(), t.number(), t.state(), t.values(), null, null, null, null, null,
        Map.of("constraints", list), null);
  }

  @Test
  void prunedTrialsRankByDeepestStepThenLastValueAfterCompleteOnes() {
    Map<Integer, Double> nan = new TreeMap<>(Map.of(5, Double.NaN));
    List<FrozenTrial> trials = List.of(
        complete(0, 5.0), complete(1, 1.0),
        pruned(2, Map.of(3, 10.0)),
        pruned(3, Map.of(1, 0.0, 5, 20.0)),
        pruned(4, Map.of(5, 2.0)),
        pruned(5, Map.of()),
        pruned(6, nan));
    // Order: 1 (1.0), 0 (5.0), then pruned at step 5: 4 (2.0), 3 (20.0), 6 (NaN); then step 3: 2; then 5.
    assertEquals(List.of(0, 1, 4), TrialSplit.of(trials, MIN, 3, false).numbers().get("below"));
    assertEquals(List.of(0, 1, 3, 4, 6), TrialSplit.of(trials, MIN, 5, false).numbers().get("below"));
    assertEquals(List.of(0, 1, 2, 3, 4, 6), TrialSplit.of(trials, MIN, 6, false).numbers().get("below"));
    assertEquals(List.of(5), TrialSplit.of(trials, MIN, 6, false).numbers().get("above"));
  }

  @Test
  void maximisationPutsTheLargestValuesBelow() {
    List<FrozenTrial> trials = List.of(complete(0, 1.0), complete(1, 3.0), complete(2, 2.0));
    assertEquals(List.of(1), TrialSplit.of(trials, List.of(StudyDirection.MAXIMIZE), 1, false).numbers().get("below"));
  }

  @Test
  void infeasibleTrialsComeAfterFeasibleOnesByTotalViolation() {
    List<FrozenTrial> trials = List.of(
        withConstraints(complete(0, 0.0), 2.0, -1.0),
        withConstraints(complete(1, 9.0), 0.0, -3.0),
        withConstraints(complete(2, 1.0), 0.5),
        complete(3, -5.0));
    // Trial 3 recorded no constraints: it counts as infinitely violated.
    assertEquals(List.of(1), TrialSplit.of(trials, MIN, 1, true).numbers().get("below"));
    assertEquals(List.of(1, 2), TrialSplit.of(trials, MIN, 2, true).numbers().get("below"));
    assertEquals(List.of(0, 1, 2), TrialSplit.of(trials, MIN, 3, true).numbers().get("below"));
  }

  @Test
  void severalObjectivesFillBelowByFrontsAndWeighByHypervolumeContribution() {
    List<StudyDirection> two = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
    List<FrozenTrial> trials = List.of(
        complete(0, 1, 4), complete(1, 2, 2), complete(2, 4, 1), complete(3, 3, 3), complete(4, 5, 5));
    TrialSplit split = TrialSplit.of(trials, two, 4, false);
    assertEquals(List.of(0, 1, 2, 3), split.numbers().get("below"));
    // Reference point max(1.1 w, 0.9 w) = (4.4, 4.4); trial 3 is dominated and weighs EPS.
    double[] w = split.belowWeights();
    assertEquals(1e-12, w[3], 0);
    assertEquals(1.0, Math.max(w[0], Math.max(w[1], w[2])), 1e-12);
  }
}
