package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** A trial lost with its machine ({@link TrialLostException}) ends FAIL and runs again as a copy, within the same run. */
class LostTrialRequeueTest {
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));

  @Test
  void aLostTrialIsFailedAndItsCopyRunsInTheSameRunBeyondTheBudget() {
    Study study = Study.builder(new InMemoryStorage()).name("lost").build();
    AtomicBoolean loseNext = new AtomicBoolean(true);
    TrialRunner runner = (trial, context) -> {
      if (loseNext.getAndSet(false)) throw new TrialLostException("lost gpu1 while trial " + trial.number() + " ran");
      return List.of(1.0);
    };
    ExecutionResult result = new LocalExecutor(study, runner, ExecutorOptions.slots(1).withTrials(2).withSpace(space)).run();
    List<FrozenTrial> trials = study.trials();
    assertEquals(List.of(TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE), trials.stream().map(FrozenTrial::state).toList());
    assertEquals("lost gpu1 while trial 0 ran", trials.get(0).systemAttrs().get("fail_reason"));
    FrozenTrial copy = trials.stream().filter(t -> t.systemAttrs().containsKey("retry_history")).findFirst().orElseThrow();
    assertEquals(trials.get(0).params(), copy.params());
    assertEquals(List.of(0L), copy.systemAttrs().get("retry_history"));
    assertEquals(1, result.requeued());
    assertEquals(2, result.complete());
  }

  @Test
  void staleTrialCleanerExampleAddsItsNoteToTheFailReason() {
    Study study = Study.builder(new InMemoryStorage()).name("stale").build();
    var trial = study.ask(space);
    trial.setSystemAttr(RunnerIdentity.ATTR, new RunnerIdentity(RunnerIdentity.self().host(), deadPid(), 1L).toAttr());
    trial.flush();
    StaleTrialCleaner cleaner = t -> "nothing ran outside this machine";
    List<TrialRecovery.Recovered> done = TrialRecovery.recover(study, RecoveryPolicy.DEFAULT, cleaner);
    assertEquals(1, done.size());
    assertEquals(true, done.get(0).reason().endsWith("; nothing ran outside this machine"), done.get(0).reason());
  }

  private static long deadPid() {
    try {
      Process p = new ProcessBuilder("true").start();
      p.waitFor();
      return p.pid();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
