package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.run.CommandFailedException;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialContext;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Dropped links, hosts that are down and hosts lost beyond their reconnect timeout, against a real
 * sshd that the tests cut, stop and restart.
 */
class SshRecoveryTest {
  private static final Logger LOG = LoggerFactory.getLogger("tunelab.measure");
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

  private static SshOptions options(Duration reconnectFor) {
    return LocalSshd.testOptions(dir).withReconnectFor(reconnectFor);
  }

  private TrialCommand command(String line) {
    return new TrialCommand(CommandTemplate.parse(line, space.names()), code, Map.of(), Duration.ofMinutes(1), null,
        Duration.ofSeconds(1));
  }

  /** Runs one trial on its own thread; the lines the runner saw are collected. */
  private static final class Running {
    final Trial trial;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<Object> outcome = new AtomicReference<>();
    final Thread thread;

    Running(SshTrialRunner runner, Trial trial) {
      this.trial = trial;
      TrialContext context = new TrialContext(0, List.of(), null, (n, err, line) -> lines.add(line));
      thread = new Thread(() -> {
        try {
          outcome.set(runner.run(trial, context));
        } catch (Throwable e) {
          outcome.set(e);
        }
      });
      thread.start();
    }
  }

  @Test
  void aTrialSurvivesACutConnectionWithEveryReportOnce() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 30 0.1"), options(Duration.ofSeconds(30)), "cut")
        .host(sshd.target()).build()) {
      Study study = Study.builder(new InMemoryStorage()).name("cut").build();
      Running r = new Running(runner, study.ask(space));
      SshTrialRunnerTest.waitFor(() -> r.lines.size() >= 5, 15_000);
      assertTrue(sshd.cutConnections() > 0, "no sshd process served the session");
      r.thread.join(30_000);
      assertFalse(r.thread.isAlive(), "the trial did not finish after the cut");
      assertEquals(List.of(42.0), r.outcome.get(), String.valueOf(r.outcome.get()));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 30; i++) expected.add("@tunelab {\"step\": " + i + ", \"value\": " + i + "}");
      expected.add("@tunelab {\"value\": 42}");
      assertEquals(expected, r.lines, "reports lost or duplicated");
      FrozenTrial t = r.trial.snapshot();
      assertEquals(30, t.intermediateValues().size());
      assertTrue(((Number) t.systemAttrs().get("tunelab:reconnects")).intValue() >= 1, String.valueOf(t.systemAttrs()));
    }
  }

  @Test
  void theResultArrivesWithinSecondsOfTheLinkReturning() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 10 0.1"), options(Duration.ofSeconds(60)), "down")
        .host(sshd.target()).build()) {
      Study study = Study.builder(new InMemoryStorage()).name("down").build();
      Running r = new Running(runner, study.ask(space));
      SshTrialRunnerTest.waitFor(() -> r.lines.size() >= 2, 15_000);
      sshd.stop();
      Thread.sleep(3000); // the program ends while the host is unreachable
      long back = System.nanoTime();
      sshd.restart();
      r.thread.join(30_000);
      long recordedMs = (System.nanoTime() - back) / 1_000_000;
      LOG.info("result recorded {} ms after the link returned", recordedMs);
      assertEquals(List.of(42.0), r.outcome.get(), String.valueOf(r.outcome.get()));
      assertEquals(10, r.trial.snapshot().intermediateValues().size());
      assertEquals(11, r.lines.size(), "reports lost or duplicated: " + r.lines);
      assertTrue(recordedMs < 10_000, "recorded " + recordedMs + " ms after the link returned");
    } finally {
      sshd.restart();
    }
  }

  @Test
  void aLinkThatDoesNotComeBackFailsTheTrialInsteadOfLeavingItRunning() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 40 0.1"), options(Duration.ofSeconds(2)), "gone")
        .host(sshd.target()).build()) {
      Study study = Study.builder(new InMemoryStorage()).name("gone").build();
      Running r = new Running(runner, study.ask(space));
      SshTrialRunnerTest.waitFor(() -> r.lines.size() >= 2, 15_000);
      sshd.stop();
      r.thread.join(20_000);
      assertTrue(r.outcome.get() instanceof CommandFailedException, String.valueOf(r.outcome.get()));
      String message = ((Exception) r.outcome.get()).getMessage();
      assertTrue(message.contains("lost the connection to") && message.contains("/log"), message);
    } finally {
      sshd.restart();
    }
  }

  @Test
  void aHostThatIsDownIsSkippedAndItsTrialsRunElsewhere() throws Exception {
    SshTarget down = sshd.target().withPort(LocalSshd.freePort()).withSlots(2);
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 2 0.01"), options(Duration.ofSeconds(30)), "skip")
        .host(down).host(sshd.target().withSlots(2)).build()) {
      runner.prepare();
      Study study = Study.builder(new InMemoryStorage()).name("skip").build();
      new LocalExecutor(study, runner, ExecutorOptions.slots(runner.slots()).withTrials(6).withSpace(space)).run();
      List<FrozenTrial> trials = study.trials();
      assertEquals(6, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs()));
        assertTrue(String.valueOf(t.systemAttrs().get(SshHost.REMOTE_ATTR)).contains(":" + sshd.port + ":"),
            String.valueOf(t.systemAttrs()));
      }
    }
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
