package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.TrialCommand;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.TrialState;

/**
 * The usage examples of the public SSH types' Javadoc, compiled and run against a real sshd. Where
 * an example names the host {@code gpu1}, the test uses the local sshd instead; the rest is as written.
 */
class SshJavadocExamplesTest {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    code = Files.createDirectories(dir.resolve("code"));
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private static SshTarget gpu1() {
    return sshd.target();
  }

  private static SshOptions defaults() {
    return LocalSshd.testOptions(dir);
  }

  @Test
  void sshTrialRunnerExampleRunsTrialsOnAHostsSlots() throws Exception {
    TrialCommand command = TrialCommand.of(CommandTemplate.parse("echo 0.5", List.of()), code, Duration.ofMinutes(1));
    Study study = Study.builder(new InMemoryStorage()).name("study").build();
    try (SshTrialRunner runner = SshTrialRunner.builder(command, defaults(), "study")
        .host(gpu1().withSlots(4).withGpus(List.of("0", "1", "2", "3"))).build()) {
      new LocalExecutor(study, runner, ExecutorOptions.slots(runner.slots()).withTrials(8)).run();
    }
    assertEquals(8, study.trials(java.util.Set.of(TrialState.COMPLETE)).size());
  }

  @Test
  void sshTargetExampleDescribesAHost() {
    SshTarget target = SshTarget.of("gpu1").withSlots(4).withGpus(List.of("0", "1", "2", "3"));
    assertEquals(4, target.slots());
    assertEquals(List.of("0", "1", "2", "3"), target.gpus());
    assertEquals(SshTarget.DEFAULT_WORKDIR, target.workdir());
  }

  @Test
  void sshConnectionAndRemoteResultExamplesRunACommand() {
    try (SshConnection connection = new SshConnection(gpu1(), defaults())) {
      RemoteResult r = connection.exec("echo GPU 0; exit 0", Duration.ofSeconds(10));
      assertTrue(r.ok());
      assertEquals("GPU 0\n", r.ok() ? r.stdout() : "failed: " + r.message());
      RemoteResult failed = connection.exec("python3-missing --version", Duration.ofSeconds(10));
      String shown = failed.ok() ? failed.stdout().strip() : "failed: " + failed.message();
      assertTrue(shown.startsWith("failed: ") && shown.contains("python3-missing"), shown);
    }
  }

  @Test
  void sshExceptionExampleTellsADownHostFromARefusal() {
    SshTarget down = gpu1().withPort(1);
    try (SshConnection connection = new SshConnection(down, defaults())) {
      String what;
      try {
        connection.session();
        what = "connected";
      } catch (SshException e) {
        what = e.kind().isTransient() ? "down for now: " : "refused: ";
      }
      assertEquals("down for now: ", what);
    }
    try (SshConnection connection = new SshConnection(gpu1().withKnownHosts(sshd.emptyKnownHosts), defaults())) {
      SshException e = org.junit.jupiter.api.Assertions.assertThrows(SshException.class, connection::session);
      assertFalse(e.kind().isTransient(), e.getMessage());
    }
  }

  @Test
  void hostCheckExampleReportsEachCheck() {
    List<HostCheck.Result> results = HostCheck.run(gpu1(), defaults(), code);
    for (HostCheck.Result r : results) {
      assertFalse(r.status() == HostCheck.Status.FAIL, r.status() + " " + r.check() + ": " + r.detail());
    }
    assertEquals("reachable", results.get(0).check());
  }

  @Test
  void optionsAndPassphraseExamplesBuildOptions() {
    SshOptions options = SshOptions.defaults().withTrustNewHost(true).withReconnectFor(Duration.ofMinutes(2));
    assertTrue(options.trustNewHost());
    assertEquals(Duration.ofMinutes(2), options.reconnectFor());
    SshOptions withKey = SshOptions.defaults()
        .withPassphrases(PassphraseSource.environment("MY_KEY_PASSPHRASE").orElse(PassphraseSource.none()));
    assertTrue(withKey.passphrases() != null);
  }

  @Test
  void ignoreRulesExampleKeepsDataAndCheckpointsHome() {
    IgnoreRules rules = IgnoreRules.parse(List.of("data/", "*.ckpt", "!keep.ckpt"));
    assertTrue(rules.ignored("data", true));
    assertTrue(rules.ignored("runs/a.ckpt", false));
    assertFalse(rules.ignored("keep.ckpt", false));
  }
}
