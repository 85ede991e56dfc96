package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.FloatDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Trials left RUNNING in a real SQLite file by runners that died here or elsewhere. */
class TrialRecoveryTest {
  @TempDir Path dir;
  private SqliteStorage storage;

  @AfterEach
  void close() {
    if (storage != null) storage.close();
  }

  private Study study() {
    storage = SqliteStorage.open(dir.resolve("r.db"));
    return RunFixtures.study(storage, "r", Pruner.none());
  }

  /** A RUNNING trial with x = 0.5 run by {@code runner}. */
  private FrozenTrial running(Study study, RunnerIdentity runner) {
    FrozenTrial t = storage.createTrial(study.id(), null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 0.5)
        .userAttr("note", "kept").systemAttr(RunnerIdentity.ATTR, runner.toAttr()).build());
    return t;
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void aDeadRunnerOnThisHostIsSeenAtOnceAndALiveOneIsLeftAlone() throws Exception {
    Study study = study();
    RunnerIdentity self = RunnerIdentity.self();
    FrozenTrial orphan = running(study, new RunnerIdentity(self.host(), deadPid(), self.started()));
    FrozenTrial mine = running(study, self);
    List<TrialRecovery.Recovered> done = TrialRecovery.recover(study, RecoveryPolicy.DEFAULT);
    assertEquals(1, done.size());
    assertEquals(orphan.number(), done.get(0).number());
    FrozenTrial failed = storage.trial(orphan.trialId());
    assertEquals(TrialState.FAIL, failed.state());
    assertTrue(String.valueOf(failed.systemAttrs().get("fail_reason")).matches("its runner \\(pid \\d+ on .+\\) died"),
        String.valueOf(failed.systemAttrs().get("fail_reason")));
    assertEquals(TrialState.RUNNING, storage.trial(mine.trialId()).state());
  }

  @Test
  void aRunnerElsewhereIsStaleOnlyOnceItsHeartbeatIsOlderThanTheGrace() throws Exception {
    Study study = study();
    FrozenTrial remote = running(study, new RunnerIdentity("other-machine", 4242, 1));
    storage.recordHeartbeats(List.of(remote.trialId()));
    assertEquals(List.of(), TrialRecovery.recover(study, RecoveryPolicy.DEFAULT));
    Thread.sleep(1100);
    List<TrialRecovery.Recovered> done = TrialRecovery.recover(study, RecoveryPolicy.DEFAULT.withGrace(Duration.ZERO));
    assertEquals(1, done.size());
    assertTrue(done.get(0).reason().startsWith("no heartbeat for more than 0s"), done.get(0).reason());
  }

  @Test
  void anInterruptThatArrivedOutsideAWaitDoesNotKeepTheTrialFromBeingRecorded() {
    Study study = study();
    org.tunelab.space.SearchSpace space = org.tunelab.space.SearchSpace.of(
        org.tunelab.space.Param.of("x", FloatDistribution.of(0, 1)));
    // As when Ctrl+C's stop interrupts a worker whose program was just killed by the shutdown.
    TrialRunner interruptedAfterTheKill = (trial, context) -> {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("exit code 137 (killed by signal 9) from sh");
    };
    ExecutionResult r = new LocalExecutor(study, interruptedAfterTheKill,
        ExecutorOptions.slots(1).withTrials(1).withSpace(space).requeueingInterrupted(true)).run();
    assertEquals(1, r.requeued());
    assertEquals(List.of(TrialState.FAIL, TrialState.WAITING), study.trials().stream().map(FrozenTrial::state).toList());
    assertTrue(String.valueOf(study.trials().get(0).systemAttrs().get("fail_reason")).startsWith("TuneLab was stopped"));
  }

  @Test
  void retriesRequeueTheSameParametersAsOptunasRetryCallbackDoes() throws Exception {
    Study study = study();
    RunnerIdentity self = RunnerIdentity.self();
    RecoveryPolicy twice = RecoveryPolicy.DEFAULT.withRetries(2);
    running(study, new RunnerIdentity(self.host(), deadPid(), 1));
    assertEquals(1, TrialRecovery.recover(study, twice).get(0).requeuedAs());
    // The copy runs and its runner dies too, twice.
    for (int round = 0; round < 2; round++) {
      FrozenTrial copy = storage.claimWaitingTrial(study.id()).orElseThrow();
      storage.updateTrial(copy.trialId(), TrialUpdate.builder()
          .systemAttr(RunnerIdentity.ATTR, new RunnerIdentity(self.host(), deadPid(), 1).toAttr()).build());
      TrialRecovery.recover(study, twice);
    }
    List<FrozenTrial> trials = study.trials();
    assertEquals(List.of(TrialState.FAIL, TrialState.FAIL, TrialState.FAIL), trials.stream().map(FrozenTrial::state).toList());
    FrozenTrial last = trials.get(2);
    assertEquals(0L, last.systemAttrs().get("failed_trial"));
    assertEquals(List.of(0L, 1L), last.systemAttrs().get("retry_history"));
    assertEquals(Map.of("x", 0.5), last.params());
    assertEquals(Map.of("note", "kept"), last.userAttrs());
    assertEquals(0, study.trials(Set.of(TrialState.WAITING)).size(), "a third retry exceeds retries: 2");
  }
}
