package org.tunelab.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.StudyDirection;

/** Optuna's rules in detail, with reference numbers computed by numpy, scipy and zlib. */
class PrunerRulesTest {
  private final InMemoryStorage storage = new InMemoryStorage();

  private Study study(String name, Pruner pruner, StudyDirection direction) {
    return Study.builder(storage).name(name).directions(direction).pruner(pruner).build();
  }

  private static void complete(Study study, double... curve) {
    Trial t = study.ask();
    for (int i = 0; i < curve.length; i++) t.report(i, curve[i]);
    study.tell(t, curve[curve.length - 1]);
  }

  @Test
  void percentileInterpolatesLikeNumpyAndIgnoresNan() {
    // numpy.nanpercentile([3, 1, nan, 2, 10], 50) == 2.5, (..., 25) == 1.75; ([3, 1, 2, 10], 90) == 7.9
    assertEquals(2.5, PercentilePruner.nanPercentile(Arrays.asList(3.0, 1.0, Double.NaN, 2.0, 10.0), 50), 1e-12);
    assertEquals(1.75, PercentilePruner.nanPercentile(Arrays.asList(3.0, 1.0, Double.NaN, 2.0, 10.0), 25), 1e-12);
    assertEquals(7.9, PercentilePruner.nanPercentile(List.of(3.0, 1.0, 2.0, 10.0), 90), 1e-12);
    assertTrue(Double.isNaN(PercentilePruner.nanPercentile(List.of(Double.NaN), 50)));
  }

  @Test
  void medianWaitsForStartupTrialsAndWarmupSteps() {
    Study s = study("median", PercentilePruner.median(3, 2, 1, 1), StudyDirection.MINIMIZE);
    complete(s, 1, 1, 1);
    complete(s, 1, 1, 1);
    Trial bad = s.ask();
    bad.report(0, 9);
    bad.report(1, 9);
    bad.report(2, 9);
    assertFalse(bad.shouldPrune(), "only 2 of 3 startup trials completed");
    complete(s, 1, 1, 1);
    Trial early = s.ask();
    early.report(1, 9);
    assertFalse(early.shouldPrune(), "step 1 is before n_warmup_steps = 2");
    early.report(2, 9);
    assertTrue(early.shouldPrune());
  }

  @Test
  void medianOfAMaximizedStudyPrunesLowValues() {
    Study s = study("max", PercentilePruner.median(1, 0, 1, 1), StudyDirection.MAXIMIZE);
    complete(s, 5, 6);
    Trial low = s.ask();
    low.report(0, 1);
    assertTrue(low.shouldPrune());
    Trial high = s.ask();
    high.report(0, 7);
    assertFalse(high.shouldPrune());
  }

  @Test
  void intervalStepsJudgeOncePerInterval() {
    assertTrue(PrunerSteps.isFirstInIntervalStep(4, Set.of(0, 1, 2, 3, 4), 0, 2));
    assertFalse(PrunerSteps.isFirstInIntervalStep(5, Set.of(0, 1, 2, 3, 4, 5), 0, 2));
    // A trial that skipped from step 3 to step 7 is judged at 7: it passed the pruning point 6.
    assertTrue(PrunerSteps.isFirstInIntervalStep(7, Set.of(3, 7), 0, 3));
  }

  @Test
  void successiveHalvingRecordsRungsInTheTrialsSystemAttributes() {
    Study s = study("sha", new SuccessiveHalvingPruner(1L, 2, 0, 0), StudyDirection.MINIMIZE);
    Trial t = s.ask();
    t.report(0, 0.5);
    assertFalse(t.shouldPrune());
    t.report(1, 0.4);
    assertFalse(t.shouldPrune(), "the first trial at a rung is promoted");
    t.report(2, 0.3);
    assertFalse(t.shouldPrune());
    assertEquals(0.4, s.trial(t.trialId()).systemAttrs().get("completed_rung_0"));
    assertEquals(0.3, s.trial(t.trialId()).systemAttrs().get("completed_rung_1"));
    Trial worse = s.ask();
    worse.report(1, 0.9);
    worse.report(2, 0.9);
    // 2 competing values at rung 0, reduction factor 2: only the best goes on.
    assertTrue(worse.shouldPrune());
  }

  @Test
  void successiveHalvingEstimatesMinResourceFromTheFirstCompletedTrial() {
    Study s = study("auto", SuccessiveHalvingPruner.withDefaults(), StudyDirection.MINIMIZE);
    Trial before = s.ask();
    before.report(5, 1.0);
    assertFalse(before.shouldPrune(), "nothing completed yet: no min_resource");
    double[] curve = new double[450];
    Arrays.fill(curve, 0.1);
    complete(s, curve); // last step 449: min_resource = 449 // 100 = 4
    Trial t = s.ask();
    t.report(3, 5.0);
    t.shouldPrune();
    assertFalse(s.trial(t.trialId()).systemAttrs().containsKey("completed_rung_0"), "step 3 is below rung 0 at 4");
    t.report(4, 5.0);
    t.shouldPrune();
    assertEquals(5.0, s.trial(t.trialId()).systemAttrs().get("completed_rung_0"));
  }

  @Test
  void hyperbandAssignsBracketsByCrc32LikeOptuna() {
    HyperbandPruner hb = new HyperbandPruner(1, 27L, 3, 0);
    assertEquals(4, hb.bracketCount());
    // Budgets ceil(4*27/4)=27, ceil(4*9/3)=12, ceil(4*3/2)=6, ceil(4*1/1)=4 (total 49); Python:
    // [zlib.crc32(f"hb_{i}".encode()) % 49 for i in range(12)] -> brackets below.
    List<Integer> brackets = java.util.stream.IntStream.range(0, 12).map(i -> hb.bracketOf("hb", i)).boxed().toList();
    assertEquals(List.of(0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 3, 0), brackets);
  }

  @Test
  void hyperbandShowsTheSamplerOnlyTheTrialsOfTheTrialsBracket() {
    HyperbandPruner hb = new HyperbandPruner(1, 27L, 3, 0);
    Study s = study("hb", hb, StudyDirection.MINIMIZE);
    for (int i = 0; i < 12; i++) complete(s, 1.0, 0.5);
    // Brackets of trials 0..11 in study "hb" (crc32, as Optuna): 0 1 1 0 1 0 0 1 0 1 3 0.
    Trial next = s.ask(); // number 12
    org.tunelab.trial.StudyView view = hb.samplerView(s, next.snapshot());
    List<Integer> seen = view.trials(java.util.Set.of(org.tunelab.trial.TrialState.COMPLETE)).stream()
        .map(org.tunelab.trial.FrozenTrial::number).toList();
    int bracket = hb.bracketOf("hb", 12);
    List<Integer> expected = java.util.stream.IntStream.range(0, 12).filter(i -> hb.bracketOf("hb", i) == bracket)
        .boxed().toList();
    assertEquals(expected, seen);
    assertTrue(seen.size() < 12, "a bracket holds only some trials: " + seen);
    assertEquals(s.trials().size(), Pruner.none().samplerView(s, next.snapshot()).trials(java.util.Set.of()).size());
  }

  @Test
  void hyperbandWithAutoMaxResourceWaitsForACompletedTrial() {
    HyperbandPruner hb = HyperbandPruner.withDefaults();
    Study s = study("hb-auto", hb, StudyDirection.MINIMIZE);
    Trial t = s.ask();
    t.report(0, 1.0);
    assertFalse(t.shouldPrune());
    assertEquals(0, hb.bracketCount());
    complete(s, new double[9]); // last step 8: max_resource 9, floor(log3 9) + 1 = 3 brackets
    t.report(1, 1.0);
    t.shouldPrune();
    assertEquals(3, hb.bracketCount());
  }

  @Test
  void wilcoxonPValuesMatchScipy() {
    // scipy.stats.wilcoxon(d, alternative=..., zero_method="zsplit"): exact without zeros or ties.
    List<Double> d = List.of(0.5, 1.2, -0.3, 2.0, 0.8, 1.5);
    assertEquals(0.03125, SignedRankTest.pValue(d, true), 1e-12);
    assertEquals(0.984375, SignedRankTest.pValue(d, false), 1e-12);
    // With a zero and tied magnitudes: the normal approximation (scipy method="approx").
    List<Double> tied = List.of(0.5, 1.2, -0.3, 2.0, 0.0, 1.5, 1.2, 0.7);
    assertEquals(0.014886438171519604, SignedRankTest.pValue(tied, true), 1e-9);
    assertEquals(0.9851135618284804, SignedRankTest.pValue(tied, false), 1e-9);
  }

  @Test
  void wilcoxonNeverPrunesATrialWhoseAverageIsBetterThanTheBest() {
    Study s = study("w", WilcoxonPruner.withDefaults(), StudyDirection.MINIMIZE);
    complete(s, 1, 1, 1, 1, 1, 1, 1, 1);
    Trial t = s.ask();
    // Worse on most steps, but far better on one: its average beats the best trial's.
    double[] v = {1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, -5};
    for (int i = 0; i < v.length; i++) t.report(i, v[i]);
    assertFalse(t.shouldPrune());
  }

  @Test
  void invalidSettingsAreRefusedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SuccessiveHalvingPruner(1L, 1, 0, 0));
    assertEquals("reduction_factor must be >= 2, got 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ThresholdPruner(null, null, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PercentilePruner(101, 5, 0, 1, 1));
  }
}
