package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.cli.TuneLabCli;

/**
 * {@code tunelab run} killed with SIGKILL while a trial runs on a host (no shutdown hook runs): the
 * program runs on there, orphaned, until the next {@code tunelab run} of the study ends it.
 */
class SshKilledRunnerTest {
  @TempDir static Path dir;
  static LocalSshd sshd;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    Files.createDirectories(dir.resolve("code"));
    Files.writeString(dir.resolve("code/long.sh"), "sleep 300\necho 1\n");
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  /** Writes the spec of study {@code name}, whose one trial runs for minutes on the host. */
  private static Path spec(String name) throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, """
        name: %s
        storage: sqlite:///%s
        space:
          x: {type: float, low: -5, high: 5}
        objective: {command: "sh long.sh {x}", workdir: code, timeout: 10m}
        executors:
          - {type: ssh, host: 127.0.0.1, port: %d, user: %s, key: %s, known_hosts: %s, workdir: %s, slots: 1}
        trials: 1
        """.formatted(name, dir.resolve(name + ".db"), sshd.port, System.getProperty("user.name"), sshd.userKey,
        sshd.knownHosts, dir.resolve("remote")));
    return spec;
  }

  /** Runs the spec in another JVM, kills it with SIGKILL once its trial runs on the host; the program's pid there. */
  private static long runAndKill(Path spec, String name) throws Exception {
    Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "-Duser.home=" + dir, TuneLabCli.class.getName(), "run", spec.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-run.log").toFile()).start();
    Path trials = dir.resolve("remote/" + name + "/trials");
    long pid;
    try {
      SshTrialRunnerTest.waitFor(() -> pidFile(trials) != null, 60_000);
      Path pidFile = pidFile(trials);
      assertTrue(pidFile != null, "no trial started on the host: " + Files.readString(dir.resolve(name + "-run.log")));
      pid = Long.parseLong(Files.readString(pidFile).strip());
    } finally {
      runner.destroyForcibly(); // SIGKILL: no shutdown hook kills the remote group
      runner.waitFor();
    }
    Thread.sleep(500);
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the remote program died with its runner");
    return pid;
  }

  private static void assertEnded(long pid) throws InterruptedException {
    SshTrialRunnerTest.waitFor(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), 10_000);
    assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the orphaned program still runs");
  }

  @Test
  void theNextRunKillsTheProgramThatAKilledRunLeftOnTheHost() throws Exception {
    Path spec = spec("killed");
    long pid = runAndKill(spec, "killed");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"run", spec.toString(), "--trials", "0"}, new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(err.toString().contains("was still running and was killed"), err.toString());
    assertEnded(pid);
  }

  @Test
  void recoverReachesTheHostsOfTheSpecTheKilledRunRecorded() throws Exception {
    long pid = runAndKill(spec("recovered"), "recovered");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"recover", dir.resolve("recovered.db").toString(), "--study", "recovered"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().contains("was still running and was killed"), out.toString());
    assertEnded(pid);
  }

  private static Path pidFile(Path trials) {
    if (!Files.isDirectory(trials)) return null;
    try (Stream<Path> s = Files.list(trials)) {
      List<Path> found = s.map(t -> t.resolve("pid")).filter(p -> {
        try {
          return Files.size(p) > 0;
        } catch (java.io.IOException e) {
          return false;
        }
      }).toList();
      return found.isEmpty() ? null : found.get(0);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
