package org.tunelab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** The smaller plot records: slice, parallel coordinates, EDF, rank, timeline, intermediate values. */
class PlotRecordsTest {
  private static final FloatDistribution X = FloatDistribution.of(0, 10);
  private static final FloatDistribution LR = FloatDistribution.log(1e-4, 1);
  private static final CategoricalDistribution OPT = CategoricalDistribution.of("adam", "sgd");

  @Test
  void sliceHasAPanelPerParameterWithTheTrialsThatUsedIt() {
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(1.0), "x", X, 2.0),
        Trials.complete(1, List.of(4.0), "x", X, 3.0, "opt", OPT, "sgd"),
        Trials.trial(2, TrialState.FAIL, null, Map.of(), "x", X, 5.0));
    SlicePlot s = SlicePlot.of(trials, 0, List.of());
    assertEquals(List.of("opt", "x"), s.panels().stream().map(p -> p.axis().name()).toList());
    assertEquals(List.of(new SlicePlot.Point(1, 1.0, 4.0)), s.panels().get(0).points());
    assertEquals(List.of(new SlicePlot.Point(0, 2.0, 1.0), new SlicePlot.Point(1, 3.0, 4.0)), s.panels().get(1).points());
  }

  @Test
  void parallelCoordinatesUseLog10ForLogParametersAndSkipIncompleteTrials() {
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(1.0), "lr", LR, 1e-3, "x", X, 0.0),
        Trials.complete(1, List.of(3.0), "lr", LR, 1e-1, "x", X, 10.0), Trials.complete(2, List.of(2.0), "x", X, 5.0));
    ParallelCoordinates pc = ParallelCoordinates.of(trials, 0, List.of());
    assertEquals(2, pc.lines().size());
    assertArrayEquals(new double[] {1.0, -3.0, 0.0}, pc.lines().get(0).coordinates(), 1e-12);
    assertArrayEquals(new double[] {1.0, 1.0, 1.0}, pc.lines().get(1).normalized(), 1e-12);
  }

  @Test
  void edfCountsTheShareOfTrialsAtOrBelowEachValue() {
    Map<String, List<FrozenTrial>> studies = new LinkedHashMap<>();
    studies.put("a", List.of(Trials.complete(0, List.of(0.0)), Trials.complete(1, List.of(1.0)),
        Trials.complete(2, List.of(1.0)), Trials.complete(3, List.of(3.0))));
    studies.put("b", List.of(Trials.complete(0, List.of(2.0))));
    EmpiricalDistribution edf = EmpiricalDistribution.of(studies, 0);
    assertEquals(EmpiricalDistribution.SAMPLES, edf.xs().length);
    assertEquals(0.0, edf.xs()[0]);
    assertEquals(3.0, edf.xs()[99]);
    assertEquals(0.25, edf.curves().get(0).fractions()[0]);
    assertEquals(0.75, edf.curves().get(0).fractions()[33]); // x = 1.0
    assertEquals(1.0, edf.curves().get(0).fractions()[99]);
    assertEquals(0.0, edf.curves().get(1).fractions()[50]);
    assertEquals(1.0, edf.curves().get(1).fractions()[67]);
  }

  @Test
  void rankAveragesTiesAndScalesToUnitInterval() {
    assertArrayEquals(new double[] {0, 1.5, 1.5, 3}, RankPlot.averageRanks(new double[] {1, 5, 5, 9}), 1e-12);
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(3.0), "x", X, 1.0),
        Trials.complete(1, List.of(1.0), "x", X, 2.0), Trials.complete(2, List.of(2.0), "x", X, 3.0));
    RankPlot r = RankPlot.of(trials, 0, List.of());
    assertEquals(List.of(1.0, 0.0, 0.5), r.entries().stream().map(RankPlot.Entry::rank).toList());
  }

  @Test
  void timelineRunsARunningTrialUntilNowAndLeavesOutWaitingOnes() {
    FrozenTrial running = Trials.trial(1, TrialState.RUNNING, null, Map.of());
    LocalDateTime now = running.datetimeStart().plusMinutes(3);
    Timeline t = Timeline.of(List.of(Trials.complete(0, List.of(1.0)), running,
        Trials.trial(2, TrialState.WAITING, null, Map.of())), now);
    assertEquals(List.of(0, 1), t.bars().stream().map(Timeline.Bar::trialNumber).toList());
    assertEquals(now, t.bars().get(1).end());
  }

  @Test
  void intermediateValuesKeepStepOrderAndDropNonFiniteValues() {
    TreeMap<Integer, Double> iv = new TreeMap<>(Map.of(2, 0.5, 0, 1.0, 1, Double.NaN));
    FrozenTrial pruned = new FrozenTrial(7, 7, TrialState.PRUNED, null, null, null, null, null, null, null, iv);
    IntermediateValues v = IntermediateValues.of(List.of(Trials.complete(0, List.of(1.0)), pruned));
    assertEquals(List.of(new IntermediateValues.Curve(7, TrialState.PRUNED,
        List.of(new IntermediateValues.Step(0, 1.0), new IntermediateValues.Step(2, 0.5)))), v.curves());
    assertTrue(v.has(TrialState.PRUNED));
  }

  @Test
  void historyKeepsInfeasibleTrialsApartFromTheBestValue() {
    FrozenTrial infeasible = Trials.trial(1, TrialState.COMPLETE, List.of(0.1), Map.of(Feasibility.CONSTRAINTS_KEY, List.of(1.0)));
    OptimizationHistory h = OptimizationHistory.of(List.of(Trials.complete(0, List.of(2.0)), infeasible,
        Trials.complete(2, List.of(1.0))), List.of(org.tunelab.trial.StudyDirection.MINIMIZE), 0);
    assertEquals(List.of(new OptimizationHistory.Point(1, 0.1)), h.infeasible());
    assertEquals(List.of(2.0, 1.0), h.bestSoFar().stream().map(OptimizationHistory.Point::value).toList());
  }
}
