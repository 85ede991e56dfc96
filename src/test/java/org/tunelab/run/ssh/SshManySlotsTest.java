package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialContext;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** More slots on one host than OpenSSH's default MaxSessions (10 channels per connection) allows on one connection. */
class SshManySlotsTest {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 5)));

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.startWithDefaultLimits(dir);
    code = Files.createDirectories(dir.resolve("code"));
    // Each trial waits until all 14 have started, so they are sure to hold their channels at once.
    Files.writeString(code.resolve("together.sh"), """
        touch "../started-$TUNELAB_TRIAL_NUMBER"
        i=0
        while [ "$(ls .. | grep -c '^started-')" -lt 14 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
        echo "@tunelab {\\"value\\": $(ls .. | grep -c '^started-')}"
        """);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private static boolean started(Path trials) {
    try (var dirs = Files.list(trials)) {
      return dirs.anyMatch(d -> Files.exists(d.resolve("pid")));
    } catch (java.io.IOException notYet) {
      return false;
    }
  }

  @Test
  void aHostAllowingFewerChannelsSaysToRaiseMaxSessions(@TempDir Path own) throws Exception {
    Path sleepy = Files.createDirectories(own.resolve("code"));
    Files.writeString(sleepy.resolve("wait.sh"), "sleep 3\necho 1\n");
    TrialCommand command = new TrialCommand(CommandTemplate.parse("sh wait.sh", space.names()), sleepy, Map.of(),
        Duration.ofMinutes(1), null, Duration.ofSeconds(1));
    try (LocalSshd narrow = LocalSshd.startWithMaxSessions(own, 1);
        SshHost host = new SshHost(narrow.target().withSlots(2), LocalSshd.testOptions(own), "narrow", sleepy,
            CodeSync.Limits.defaults())) {
      Path trials = Path.of(host.prepare(), "trials");
      Study study = Study.builder(new InMemoryStorage()).name("narrow").build();
      var first = study.ask(space);
      java.util.concurrent.atomic.AtomicReference<Object> held = new java.util.concurrent.atomic.AtomicReference<>();
      Thread holder = null;
      // The code sync's SFTP channel closes in the background, so the only channel may still be taken
      // for a moment: the first trial is started again until it holds the channel.
      for (int attempt = 0; attempt < 20 && !started(trials); attempt++) {
        holder = new Thread(() -> {
          try {
            held.set(host.run(first, TrialContext.simple(), command, List.of()));
          } catch (Exception e) {
            held.set(e);
          }
        });
        holder.start();
        Thread h = holder;
        SshTrialRunnerTest.waitFor(() -> started(trials) || !h.isAlive(), 10_000);
      }
      assertTrue(started(trials), "the first trial did not start: " + held.get());
      var second = study.ask(space);
      SshException e = assertThrows(SshException.class, () -> host.run(second, TrialContext.simple(), command, List.of()),
          "the first trial: " + held.get());
      assertTrue(e.getMessage().contains("raise MaxSessions"), e.getMessage());
      holder.join(20_000);
      assertEquals(List.of(1.0), held.get(), "the trial holding the channel was disturbed");
    }
  }

  @Test
  void fourteenTrialsRunAtOnceOnAHostWithTheDefaultMaxSessions() throws Exception {
    TrialCommand command = new TrialCommand(CommandTemplate.parse("sh together.sh", space.names()), code, Map.of(),
        Duration.ofMinutes(1), null, Duration.ofSeconds(1));
    try (SshTrialRunner runner = SshTrialRunner.builder(command, LocalSshd.testOptions(dir), "many")
        .host(sshd.target().withSlots(14)).build()) {
      runner.prepare();
      Study study = Study.builder(new InMemoryStorage()).name("many").build();
      new LocalExecutor(study, runner, ExecutorOptions.slots(14).withTrials(14).withSpace(space)).run();
      List<FrozenTrial> trials = study.trials();
      assertEquals(14, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs()));
        assertEquals(14.0, t.value(), "not all 14 trials ran at once");
        assertTrue(String.valueOf(t.systemAttrs().get(SshHost.REMOTE_ATTR)).contains(":" + sshd.port + ":"));
      }
    }
  }
}
