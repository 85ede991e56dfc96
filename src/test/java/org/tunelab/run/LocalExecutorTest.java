package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Slots, GPUs, budget, pause, resume, stop and slot changes, with in-process runners that take time. */
class LocalExecutorTest {
  private final InMemoryStorage storage = new InMemoryStorage();
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));
  private final Study study = RunFixtures.study(storage, "exec", Pruner.none());
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();

  /** A runner that sleeps, recording how many run at once and which GPUs each got. */
  private TrialRunner sleeper(long millis, List<List<String>> gpusSeen) {
    return (trial, context) -> {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      synchronized (gpusSeen) {
        gpusSeen.add(context.gpus());
      }
      try {
        Thread.sleep(millis);
      } finally {
        concurrent.decrementAndGet();
      }
      return List.of((Double) trial.params().get("x"));
    };
  }

  @Test
  void runsTheBudgetWithAtMostSlotsTrialsAtOnce() {
    ExecutionResult r = new LocalExecutor(study, sleeper(60, new ArrayList<>()),
        ExecutorOptions.slots(3).withTrials(9).withSpace(space)).run();
    assertEquals(ExecutionResult.Reason.BUDGET, r.reason());
    assertEquals(9, r.complete());
    assertEquals(3, maxConcurrent.get());
    assertTrue(r.elapsed().toMillis() < 9 * 60, "not parallel: " + r.elapsed());
    assertEquals(0, study.trials(Set.of(TrialState.RUNNING)).size());
  }

  @Test
  void handsOutEachGpuToOneTrialAtATime() {
    List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
    GpuCheck check = new GpuCheck();
    TrialRunner runner = (trial, context) -> {
      check.take(context.gpus());
      try {
        return sleeper(40, seen).run(trial, context);
      } finally {
        check.release(context.gpus());
      }
    };
    new LocalExecutor(study, runner, ExecutorOptions.slots(4).withGpus(List.of("0", "1", "2"), 1).withTrials(9)
        .withSpace(space)).run();
    assertEquals(3, maxConcurrent.get(), "3 GPUs, one per trial, limit 4 slots to 3 trials");
    assertFalse(check.clash, "a GPU was handed to two trials at once");
    assertTrue(seen.stream().allMatch(g -> g.size() == 1), seen.toString());
  }

  private static final class GpuCheck {
    private final Set<String> busy = new HashSet<>();
    volatile boolean clash;

    synchronized void take(List<String> ids) {
      for (String id : ids) if (!busy.add(id)) clash = true;
    }

    synchronized void release(List<String> ids) {
      ids.forEach(busy::remove);
    }
  }

  @Test
  void pauseStartsNoTrialUntilResumedAndSlotsChangeWhileRunning() throws Exception {
    LocalExecutor executor = new LocalExecutor(study, sleeper(50, new ArrayList<>()),
        ExecutorOptions.slots(1).withTrials(12).withSpace(space));
    executor.pause();
    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(executor::run);
    Thread.sleep(700);
    assertEquals(0, study.trials().size(), "a trial started while paused");
    executor.setSlots(3); // as `tunelab slots` does, through the store
    StudyControl.resume(study); // from "another terminal": the executor sees it when it polls
    ExecutionResult r = run.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(12, r.complete());
    assertEquals(3, maxConcurrent.get());
    assertEquals(3, executor.slots());
  }

  @Test
  void stopLetsRunningTrialsFinishAndStartsNoMore() throws Exception {
    LocalExecutor executor = new LocalExecutor(study, sleeper(300, new ArrayList<>()),
        ExecutorOptions.slots(2).withSpace(space));
    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(executor::run);
    Thread.sleep(150);
    StudyControl.stop(study);
    ExecutionResult r = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(ExecutionResult.Reason.STOPPED, r.reason());
    assertEquals(r.started(), r.complete(), "the running trials finished");
    assertEquals(0, study.trials(Set.of(TrialState.RUNNING)).size());
  }

  @Test
  void aStopGivenBeforeARunStartedDoesNotStopIt() {
    StudyControl.stop(study);
    ExecutionResult r = new LocalExecutor(study, sleeper(1, new ArrayList<>()),
        ExecutorOptions.slots(1).withTrials(2).withSpace(space)).run();
    assertEquals(2, r.complete());
  }

  @Test
  void stopNowKillsRunningTrialsAndRequeuesThemWhenAsked() throws Exception {
    TrialRunner forever = (trial, context) -> {
      Thread.sleep(60_000);
      return List.of(0.0);
    };
    LocalExecutor executor = new LocalExecutor(study, forever,
        ExecutorOptions.slots(2).withTrials(5).withSpace(space).requeueingInterrupted(true));
    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(executor::run);
    Thread.sleep(300);
    executor.stopNow();
    ExecutionResult r = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(ExecutionResult.Reason.INTERRUPTED, r.reason());
    assertEquals(2, r.failed());
    assertEquals(2, r.requeued());
    List<FrozenTrial> waiting = study.trials(Set.of(TrialState.WAITING));
    assertEquals(2, waiting.size());
    for (FrozenTrial copy : waiting) {
      long failedNumber = (Long) copy.systemAttrs().get("failed_trial");
      assertEquals(List.of(failedNumber), copy.systemAttrs().get("retry_history"));
      assertEquals(study.trials().get((int) failedNumber).params(), copy.params());
      assertEquals(TrialState.FAIL, study.trials().get((int) failedNumber).state());
    }
  }

  @Test
  void aWallClockLimitStartsNoTrialAfterIt() {
    ExecutionResult r = new LocalExecutor(study, sleeper(100, new ArrayList<>()),
        ExecutorOptions.slots(1).withTimeout(Duration.ofMillis(350)).withSpace(space)).run();
    assertEquals(ExecutionResult.Reason.TIMEOUT, r.reason());
    assertTrue(r.complete() >= 3 && r.complete() <= 5, "complete: " + r.complete());
  }

  @Test
  void waitingTrialsRunFirst() {
    study.enqueue(Map.of("x", 0.125));
    List<Double> order = Collections.synchronizedList(new ArrayList<>());
    TrialRunner runner = (trial, context) -> {
      order.add((Double) trial.params().get("x"));
      return List.of(0.0);
    };
    new LocalExecutor(study, runner, ExecutorOptions.slots(1).withTrials(3).withSpace(space)).run();
    assertEquals(0.125, order.get(0));
    assertEquals(3, order.size());
  }

  @Test
  void programOutputReachesListenersLive() {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    TrialRunner runner = (trial, context) -> {
      context.output().line(trial.number(), false, "hello " + trial.number());
      return List.of(1.0);
    };
    LocalExecutor executor = new LocalExecutor(study, runner, ExecutorOptions.slots(1).withTrials(2).withSpace(space));
    executor.addOutputListener((number, stderr, line) -> lines.add(line));
    executor.run();
    assertEquals(List.of("hello 0", "hello 1"), lines);
  }
}
