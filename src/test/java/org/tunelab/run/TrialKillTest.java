package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Killing one trial through the store, and the run status a run records, with real programs on SQLite. */
class TrialKillTest {
  @TempDir Path dir;
  private SqliteStorage storage;
  private Study study;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));

  @BeforeEach
  void open() {
    storage = SqliteStorage.open(dir.resolve("k.db"));
    study = RunFixtures.study(storage, "kill", Pruner.none());
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private CompletableFuture<ExecutionResult> runInBackground(String script, int trials, int slots) throws Exception {
    RunFixtures.script(dir, "trial.sh", script);
    TrialRunner runner = new CommandTrialRunner(RunFixtures.command(dir, "sh trial.sh {x}", space, Duration.ofMinutes(2)));
    LocalExecutor executor = new LocalExecutor(study, runner,
        ExecutorOptions.slots(slots).withTrials(trials).withSpace(space).withLogDir(dir.resolve("logs")));
    return CompletableFuture.supplyAsync(executor::run);
  }

  private FrozenTrial waitForRunning(int number) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      for (FrozenTrial t : study.trials()) if (t.number() == number && t.state() == TrialState.RUNNING) return t;
      Thread.sleep(50);
    }
    throw new AssertionError("trial " + number + " never ran: " + study.trials());
  }

  private static void waitForFile(Path file) throws InterruptedException {
    for (int i = 0; i < 600 && !Files.exists(file); i++) Thread.sleep(50);
    assertTrue(Files.exists(file), file + " never appeared");
  }

  @Test
  void killingOneTrialEndsItsProcessTreeAndTheRunGoesOn() throws Exception {
    // Trial 0 starts a grandchild that would sleep for a minute; the others finish at once.
    CompletableFuture<ExecutionResult> run = runInBackground("""
        if [ "$TUNELAB_TRIAL_NUMBER" = 0 ]; then
          sleep 60 & echo $! > sleep.pid
          wait
        fi
        echo 0.5
        """, 3, 1);
    FrozenTrial first = waitForRunning(0);
    waitForFile(dir.resolve("sleep.pid"));
    long sleeper = Long.parseLong(Files.readString(dir.resolve("sleep.pid")).strip());

    StudyControl.killTrial(storage, first.trialId());
    ExecutionResult result = run.get(60, TimeUnit.SECONDS);

    List<FrozenTrial> trials = study.trials();
    assertEquals(List.of(TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE),
        trials.stream().map(FrozenTrial::state).toList());
    assertEquals(StudyControl.KILLED_BY_USER, RunFixtures.reason(trials.get(0)));
    assertEquals(ExecutionResult.Reason.BUDGET, result.reason());
    assertFalse(RunFixtures.runningAfter(sleeper, 5000), "the trial's grandchild outlived the kill");
  }

  @Test
  void aKillRequestForAFinishedTrialIsRefused() throws Exception {
    runInBackground("echo 0.5\n", 1, 1).get(60, TimeUnit.SECONDS);
    FrozenTrial done = study.trials().get(0);
    assertTrue(assertThrowsStorage(() -> StudyControl.killTrial(storage, done.trialId())));
    assertEquals(TrialState.COMPLETE, study.trials().get(0).state());
  }

  private static boolean assertThrowsStorage(Runnable r) {
    try {
      r.run();
      return false;
    } catch (org.tunelab.storage.StorageException expected) {
      return true;
    }
  }

  @Test
  void aRunRecordsItselfInTheStudyWhileItRunsAndWhenItEnds() throws Exception {
    CompletableFuture<ExecutionResult> run = runInBackground("""
        while [ ! -f go ]; do sleep 0.05; done
        echo 0.5
        """, 2, 2);
    RunStatus during;
    try {
      waitForRunning(0);
      during = RunStatus.read(storage, study.id()).orElseThrow();
    } finally {
      Files.writeString(dir.resolve("go"), "");
    }
    assertTrue(during.isRunning());
    assertTrue(during.isActive());
    assertEquals(ProcessHandle.current().pid(), during.runner().pid());
    assertEquals(2, during.trials());
    assertEquals(2, during.slots());
    run.get(60, TimeUnit.SECONDS);
    RunStatus after = RunStatus.read(storage, study.id()).orElseThrow();
    assertFalse(after.isActive());
    assertEquals("BUDGET", after.reason());
    assertEquals(during.begin(), after.begin());
    assertTrue(after.ended() >= after.begin());
  }

  @Test
  void aRunThatDiedOnThisHostIsNotActive() {
    RunnerIdentity gone = new RunnerIdentity(RunnerIdentity.self().host(), Long.MAX_VALUE / 2, 1);
    RunStatus stale = new RunStatus(gone, 1, 10, null, 1, 0, null);
    assertTrue(stale.isRunning());
    assertFalse(stale.isActive());
    assertEquals(stale, RunStatus.of(java.util.Map.of(RunStatus.ATTR, stale.toAttr())).orElseThrow());
  }
}
