package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.TrialCommand;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** A host lost for longer than its reconnect timeout while a trial ran there, against a real sshd that the test stops. */
class SshHostLossTest {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 5)));

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    code = Files.createDirectories(dir.resolve("code"));
    Files.writeString(code.resolve("steps.sh"), """
        i=0
        while [ $i -lt "$1" ]; do
          echo "@tunelab {\\"step\\": $i, \\"value\\": $i}"
          i=$((i+1)); sleep "$2"
        done
        echo "@tunelab {\\"value\\": 42}"
        """);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  @Test
  void aTrialWhoseHostIsLostBeyondTheReconnectTimeoutIsFailedAndRunAgainOnAnotherSlot() throws Exception {
    TrialCommand command = new TrialCommand(CommandTemplate.parse("sh steps.sh 30 0.1", space.names()), code, Map.of(),
        Duration.ofMinutes(1), null, Duration.ofSeconds(1));
    Study study = Study.builder(new InMemoryStorage()).name("lost").build();
    try (SshTrialRunner runner = SshTrialRunner.builder(command, LocalSshd.testOptions(dir), "lost")
        .local(new CommandTrialRunner(command), 1, List.of())
        .host(sshd.target(), Duration.ofSeconds(2)).build()) {
      runner.prepare();
      AtomicReference<ExecutionResult> result = new AtomicReference<>();
      Thread run = new Thread(() -> result.set(new LocalExecutor(study, runner,
          ExecutorOptions.slots(runner.slots()).withTrials(2).withSpace(space)).run()));
      run.start();
      SshTrialRunnerTest.waitFor(() -> study.trials(Set.of(TrialState.RUNNING)).stream()
          .anyMatch(t -> t.systemAttrs().containsKey(SshHost.REMOTE_ATTR) && t.intermediateValues().size() >= 2), 20_000);
      sshd.stop();
      run.join(60_000);
      assertFalse(run.isAlive(), "the run did not end");

      List<FrozenTrial> trials = study.trials();
      assertEquals(3, trials.size(), "the lost trial was not run again: " + trials);
      FrozenTrial lost = trials.stream().filter(t -> t.state() == TrialState.FAIL).findFirst().orElseThrow();
      assertTrue(String.valueOf(lost.systemAttrs().get("fail_reason")).contains("lost the connection to"), lost.systemAttrs().toString());
      FrozenTrial copy = trials.stream().filter(t -> t.systemAttrs().containsKey("retry_history")).findFirst().orElseThrow();
      assertEquals(TrialState.COMPLETE, copy.state(), copy.systemAttrs().toString());
      assertEquals(List.of((long) lost.number()), copy.systemAttrs().get("retry_history"));
      assertEquals(lost.params(), copy.params());
      assertNull(copy.systemAttrs().get(SshHost.REMOTE_ATTR), "the copy went back to the lost host: " + copy.systemAttrs());
      assertEquals(42.0, copy.value());
      assertEquals(2, trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
      assertEquals(1, result.get().requeued());
    } finally {
      sshd.restart();
    }
  }
}
