package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.TrialCommand;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Programs left on a host by a TuneLab that died (kill -9): the next run's recovery reaches the host
 * named by the trial's {@code tunelab:remote} attribute and ends what still runs there.
 */
class SshOrphanTest {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 5)));

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    code = Files.createDirectories(dir.resolve("code"));
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private SshTrialRunner runner() {
    TrialCommand command = new TrialCommand(CommandTemplate.parse("true", space.names()), code, Map.of(),
        Duration.ofMinutes(1), null, Duration.ofSeconds(1));
    return SshTrialRunner.builder(command, LocalSshd.testOptions(dir), "orphans").host(sshd.target()).build();
  }

  /** A RUNNING trial whose runner (a process on this machine) is dead, which ran in {@code remoteDir} on the test host. */
  private static Trial orphaned(Study study, SearchSpace space, String label, Path remoteDir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Trial trial = study.ask(space);
    trial.setSystemAttr(RunnerIdentity.ATTR, new RunnerIdentity(RunnerIdentity.self().host(), gone.pid(), 1L).toAttr());
    trial.setSystemAttr(SshHost.REMOTE_ATTR, label + ":" + remoteDir);
    trial.flush();
    return trial;
  }

  @Test
  void theNextRunKillsTheProgramADeadRunnerLeftRunningOnAHost() throws Exception {
    Path remoteDir = Files.createDirectories(dir.resolve("remote-trial"));
    try (SshTrialRunner runner = runner(); SshConnection c = new SshConnection(sshd.target(), LocalSshd.testOptions(dir))) {
      // Started as a trial is: detached, its own session and group, its pid in the trial directory.
      RemoteResult started = c.exec("cd " + RemoteScripts.quote(remoteDir.toString()) + " && (setsid sh -c 'echo $$ > pid.tmp;"
          + " mv pid.tmp pid; exec sleep 300' < /dev/null > /dev/null 2>&1 &)", Duration.ofSeconds(10));
      assertTrue(started.ok(), started.message());
      SshTrialRunnerTest.waitFor(() -> Files.exists(remoteDir.resolve("pid")), 10_000);
      long pid = Long.parseLong(Files.readString(remoteDir.resolve("pid")).strip());
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the orphan did not start");

      Study study = Study.builder(new InMemoryStorage()).name("orphans").build();
      Trial trial = orphaned(study, space, c.label(), remoteDir);
      ExecutionResult result = new LocalExecutor(study, runner, ExecutorOptions.slots(1).withTrials(0).withSpace(space)).run();

      assertEquals(1, result.recovered().size());
      String reason = result.recovered().get(0).reason();
      assertTrue(reason.contains("was still running and was killed"), reason);
      SshTrialRunnerTest.waitFor(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), 10_000);
      assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the orphan still runs");
      FrozenTrial failed = study.storage().trial(trial.trialId());
      assertEquals(TrialState.FAIL, failed.state());
      assertTrue(String.valueOf(failed.systemAttrs().get("fail_reason")).contains("killed"), failed.systemAttrs().toString());
    }
  }

  @Test
  void aProgramThatHadEndedIsReportedWithItsExitStatus() throws Exception {
    Path remoteDir = Files.createDirectories(dir.resolve("ended-trial"));
    Files.writeString(remoteDir.resolve("exit"), "3\n");
    try (SshTrialRunner runner = runner(); SshConnection c = new SshConnection(sshd.target(), LocalSshd.testOptions(dir))) {
      Study study = Study.builder(new InMemoryStorage()).name("ended").build();
      orphaned(study, space, c.label(), remoteDir);
      ExecutionResult result = new LocalExecutor(study, runner, ExecutorOptions.slots(1).withTrials(0).withSpace(space)).run();
      assertEquals(List.of("had ended (exit status 3)"), result.recovered().stream()
          .map(r -> r.reason().replaceAll(".*(had ended \\(exit status \\d+\\)).*", "$1")).toList());
    }
  }
}
