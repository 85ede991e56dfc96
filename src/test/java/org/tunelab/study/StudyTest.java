package org.tunelab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.DuplicateStudyException;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.storage.Storage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class StudyTest {
  private final Storage storage = new InMemoryStorage();

  private Study study(StudyDirection... directions) {
    return Study.builder(storage).name("s").directions(directions).sampler(new RandomSampler(7)).build();
  }

  @Test
  void optimizesADefineByRunObjectiveAndFindsTheBestTrial() {
    Study study = study(StudyDirection.MINIMIZE);
    study.optimize(t -> Math.pow(t.suggestFloat("x", -10, 10) - 2, 2), 200);
    List<FrozenTrial> trials = study.trials();
    assertEquals(200, trials.size());
    FrozenTrial best = study.bestTrial().orElseThrow();
    double bestByHand = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    assertEquals(bestByHand, best.value());
    assertTrue(best.value() < 0.1, "200 random trials come close to the minimum, got " + best.value());
    assertEquals(Math.pow((double) best.params().get("x") - 2, 2), best.value(), 1e-12);
  }

  @Test
  void maximizingPicksTheLargestValue() {
    Study study = study(StudyDirection.MAXIMIZE);
    study.optimize(t -> t.suggestFloat("x", 0, 1), 30);
    double max = study.trials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
    assertEquals(max, study.bestTrial().orElseThrow().value());
  }

  @Test
  void samplesOnlyTheActiveParametersOfAFixedSpace() {
    SearchSpace space = SearchSpace.of(
        Param.of("optimizer", CategoricalDistribution.of("sgd", "adam")),
        new Param("momentum", FloatDistribution.of(0, 0.99), Condition.when("optimizer", "sgd")),
        Param.of("layers", IntDistribution.of(1, 4)));
    Study study = study(StudyDirection.MINIMIZE);
    study.optimize(t -> ((Long) t.params().get("layers")).doubleValue(), OptimizeOptions.trials(40).withSpace(space));
    for (FrozenTrial t : study.trials()) {
      boolean sgd = "sgd".equals(t.params().get("optimizer"));
      assertEquals(sgd, t.params().containsKey("momentum"), "trial " + t.number() + ": " + t.params());
      assertTrue(t.params().containsKey("layers"));
    }
    assertTrue(study.trials().stream().anyMatch(t -> t.params().containsKey("momentum")));
  }

  @Test
  void aSuggestedParameterKeepsItsValueWhenAskedAgain() {
    Study study = study(StudyDirection.MINIMIZE);
    Trial trial = study.ask();
    double first = trial.suggestFloat("x", 0, 1);
    assertEquals(first, trial.suggestFloat("x", 0, 1));
    study.tell(trial, first);
  }

  @Test
  void runsEnqueuedParametersFirst() {
    Study study = study(StudyDirection.MINIMIZE);
    study.enqueue(Map.of("x", 0.25, "n", 3));
    FrozenTrial waiting = study.trials().get(0);
    assertEquals(TrialState.WAITING, waiting.state());
    assertEquals(null, waiting.datetimeStart());
    study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 0, 5), 2);
    FrozenTrial first = study.trials().get(0);
    assertEquals(Map.of("x", 0.25, "n", 3L), first.params());
    assertEquals(3.25, first.value());
  }

  @Test
  void aNanResultFailsTheTrialWithAReason() {
    Study study = study(StudyDirection.MINIMIZE);
    Trial trial = study.ask();
    FrozenTrial told = study.tell(trial, Double.NaN);
    assertEquals(TrialState.FAIL, told.state());
    assertEquals("the objective returned NaN", told.systemAttrs().get("fail_reason"));
    assertFalse(told.hasValues());
  }

  @Test
  void aWrongNumberOfValuesFailsTheTrial() {
    Study study = study(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    FrozenTrial told = study.tell(study.ask(), List.of(1.0));
    assertEquals(TrialState.FAIL, told.state());
    assertTrue(((String) told.systemAttrs().get("fail_reason")).contains("1 value(s); the study has 2"));
  }

  @Test
  void anObjectiveExceptionFailsTheTrialAndStopsTheLoop() {
    Study study = study(StudyDirection.MINIMIZE);
    AtomicInteger calls = new AtomicInteger();
    ObjectiveException e = assertThrows(ObjectiveException.class, () -> study.optimize(t -> {
      if (calls.incrementAndGet() == 3) throw new IllegalStateException("diverged");
      return 1.0;
    }, 10));
    assertEquals(2, e.trialNumber());
    assertEquals(3, study.trials().size());
    FrozenTrial failed = study.trials().get(2);
    assertEquals(TrialState.FAIL, failed.state());
    assertEquals("IllegalStateException: diverged", failed.systemAttrs().get("fail_reason"));
  }

  @Test
  void continuesAfterFailuresWhenAskedTo() {
    Study study = study(StudyDirection.MINIMIZE);
    study.optimize(t -> {
      if (t.number() % 2 == 0) throw new IllegalStateException("odd only");
      return t.number();
    }, OptimizeOptions.trials(6).continuingOnFailure(true));
    assertEquals(3, study.trials(Set.of(TrialState.FAIL)).size());
    assertEquals(3, study.trials(Set.of(TrialState.COMPLETE)).size());
  }

  @Test
  void aPrunedTrialKeepsItsLastIntermediateValue() {
    Study study = study(StudyDirection.MINIMIZE);
    study.optimize(t -> {
      t.report(0, 5.0);
      t.report(1, 4.0);
      t.report(1, 99.0);
      throw new TrialPrunedException();
    }, 1);
    FrozenTrial pruned = study.trials().get(0);
    assertEquals(TrialState.PRUNED, pruned.state());
    assertEquals(List.of(4.0), pruned.values());
    assertEquals(Map.of(0, 5.0, 1, 4.0), pruned.intermediateValues());
  }

  @Test
  void parallelWorkersRunExactlyTheBudgetWithUniqueNumbers() {
    Study study = study(StudyDirection.MINIMIZE);
    OptimizeResult result = study.optimize(t -> {
      Thread.sleep(2);
      return t.suggestFloat("x", 0, 1);
    }, OptimizeOptions.trials(50).withWorkers(4));
    assertEquals(50, result.trialsFinished());
    assertEquals(OptimizeResult.StopReason.BUDGET, result.reason());
    List<Integer> numbers = study.trials().stream().map(FrozenTrial::number).sorted().toList();
    assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), numbers);
    assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void stopsAtTheTimeout() {
    Study study = study(StudyDirection.MINIMIZE);
    OptimizeResult result = study.optimize(t -> {
      Thread.sleep(20);
      return 1.0;
    }, OptimizeOptions.timeout(Duration.ofMillis(200)));
    assertEquals(OptimizeResult.StopReason.TIMEOUT, result.reason());
    assertTrue(result.trialsFinished() >= 2 && result.trialsFinished() <= 15, "ran " + result.trialsFinished());
  }

  @Test
  void stopFromInsideTheObjectiveEndsTheLoopAfterThatTrial() {
    Study study = study(StudyDirection.MINIMIZE);
    OptimizeResult result = study.optimize(t -> {
      if (t.number() == 4) t.study().stop();
      return 1.0;
    }, 100);
    assertEquals(5, result.trialsFinished());
    assertEquals(OptimizeResult.StopReason.STOPPED, result.reason());
  }

  @Test
  void multiObjectiveBestTrialsAreTheParetoFront() {
    Study study = study(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    double[][] points = {{1, 1}, {2, 3}, {3, 2}, {2, 3}, {0, 0}};
    study.optimizeMulti(t -> points[t.number()], OptimizeOptions.trials(points.length));
    // Minimize the first, maximize the second: (3,2) loses to (2,3); the two copies of (2,3) both stay.
    assertEquals(List.of(0, 1, 3, 4), study.bestTrials().stream().map(FrozenTrial::number).toList());
    assertThrows(IllegalStateException.class, study::bestTrial);
  }

  @Test
  void listenersHearEveryFinishedTrial() {
    Study study = study(StudyDirection.MINIMIZE);
    AtomicInteger heard = new AtomicInteger();
    study.addListener((s, t) -> heard.incrementAndGet());
    study.optimize(t -> 1.0, 7);
    assertEquals(7, heard.get());
  }

  @Test
  void failRunningTrialsLeavesNoTrialRunning() {
    Study study = study(StudyDirection.MINIMIZE);
    study.ask().suggestFloat("x", 0, 1);
    study.ask();
    assertEquals(2, study.failRunningTrials("shutting down"));
    assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.FAIL));
    assertEquals("shutting down", study.trials().get(0).systemAttrs().get("fail_reason"));
  }

  @Test
  void aTrialFailedElsewhereKeepsItsStoredOutcome() {
    Study study = study(StudyDirection.MINIMIZE);
    Trial trial = study.ask();
    study.failRunningTrials("judged stale by another process");
    FrozenTrial told = study.tell(trial, 1.0);
    assertEquals(TrialState.FAIL, told.state());
    assertEquals("judged stale by another process", told.systemAttrs().get("fail_reason"));
  }

  @Test
  void loadIfExistsContinuesAStudyAndCheckesItsDirections() {
    study(StudyDirection.MAXIMIZE).optimize(t -> 1.0, 2);
    Study again = Study.builder(storage).name("s").loadIfExists().build();
    assertEquals(List.of(StudyDirection.MAXIMIZE), again.directions());
    again.optimize(t -> 2.0, 1);
    assertEquals(3, again.trials().size());
    assertThrows(DuplicateStudyException.class, () -> Study.builder(storage).name("s").build());
    assertThrows(IllegalArgumentException.class,
        () -> Study.builder(storage).name("s").directions(StudyDirection.MINIMIZE).loadIfExists().build());
  }

  @Test
  void recordsHowTheStudyWasMade() {
    Study study = study(StudyDirection.MINIMIZE);
    Map<?, ?> origin = (Map<?, ?>) study.systemAttrs().get("tunelab:origin");
    assertEquals(Map.of("type", "random", "seed", 7L), origin.get("sampler"));
    assertEquals(Map.of("type", "none"), origin.get("pruner"));
  }

  @Test
  void recordsTheSearchSpaceItWasMadeFor() {
    SearchSpace space = SearchSpace.of(
        Param.of("opt", CategoricalDistribution.of("sgd", "adam")),
        new Param("momentum", FloatDistribution.of(0, 0.9), Condition.when("opt", "sgd")));
    Study study = Study.builder(storage).name("spaced").space(space).build();
    Map<?, ?> recorded = (Map<?, ?>) ((Map<?, ?>) study.systemAttrs().get("tunelab:origin")).get("space");
    assertEquals(List.of("opt", "momentum"), List.copyOf(recorded.keySet()));
    Map<?, ?> momentum = (Map<?, ?>) recorded.get("momentum");
    assertEquals("FloatDistribution", momentum.get("name"));
    assertEquals(Map.of("opt", List.of("sgd")), momentum.get("when"));
  }
}
