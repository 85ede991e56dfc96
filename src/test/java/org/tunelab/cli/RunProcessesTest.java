package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** {@code tunelab run} as real JVM processes: killed with SIGKILL mid-trial, and two at once on one study. */
class RunProcessesTest {
  @TempDir Path dir;

  private Path spec(int trials, double sleepSeconds) throws Exception {
    // "&&": a program whose sleep is killed reports nothing. Without it, sh could print its value in the
    // moment between the tree kill reaching sleep and reaching sh, and the trial would end COMPLETE.
    Files.writeString(dir.resolve("work.sh"), "echo $$ > pid-$TUNELAB_TRIAL_NUMBER\nsleep " + sleepSeconds
        + " && echo \"@tunelab {\\\"value\\\": $1}\"\n");
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, """
        name: procs
        storage: sqlite:///p.db
        sampler: {type: random, seed: 3}
        space:
          x: {type: float, low: 0, high: 1}
        objective: {command: "sh work.sh {x}", timeout: 1m}
        executors: [{type: local, slots: 2}]
        trials: %d
        """.formatted(trials));
    return spec;
  }

  private Process start(Path spec, String log, String... options) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> argv = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.tunelab.cli.TuneLabCli", "run", "--quiet"));
    argv.addAll(List.of(options));
    argv.add(spec.toString());
    return new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile()).start();
  }

  private void awaitRunning(int complete, String log) throws Exception {
    long until = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < until
        && (inState(TrialState.COMPLETE).size() < complete || inState(TrialState.RUNNING).size() < 2)) {
      Thread.sleep(100);
    }
    assertEquals(2, inState(TrialState.RUNNING).size(), "no trials running: " + Files.readString(dir.resolve(log)));
  }

  @Test
  void sigtermKillsTheRunningProgramsAndRequeuesTheirTrials() throws Exception {
    Path spec = spec(10, 30);
    Process runner = start(spec, "run.log", "--requeue-on-stop");
    awaitRunning(0, "run.log");
    List<FrozenTrial> killed = inState(TrialState.RUNNING);
    Thread.sleep(300); // their programs have written their pids
    runner.toHandle().destroy(); // SIGTERM, as `kill` and closing a terminal send; Ctrl+C's SIGINT runs the same hooks
    assertTrue(runner.waitFor(20, TimeUnit.SECONDS), "the run did not exit");
    String story = Files.readString(dir.resolve("run.log")) + "\n" + trials().stream()
        .map(t -> t.number() + " " + t.state() + " " + t.systemAttrs().get("fail_reason")).toList();
    assertEquals(List.of(), inState(TrialState.RUNNING), story);
    assertEquals(2, inState(TrialState.FAIL).size(), story);
    assertEquals(2, inState(TrialState.WAITING).size(), story);
    for (FrozenTrial t : killed) {
      long pid = Long.parseLong(Files.readString(dir.resolve("pid-" + t.number())).strip());
      assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || isZombie(pid), "program " + pid + " survived");
    }
  }

  private static boolean isZombie(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) return true;
    String s = Files.readString(stat);
    return s.charAt(s.lastIndexOf(')') + 2) == 'Z';
  }

  /** The study's trials; none while the first run has not created the file and the study yet. */
  private List<FrozenTrial> trials() {
    if (!Files.exists(dir.resolve("p.db"))) return List.of();
    try (SqliteStorage s = SqliteStorage.openReadOnly(dir.resolve("p.db"))) {
      return s.findStudy("procs").isPresent() ? s.trials(s.studyId("procs")) : List.of();
    } catch (org.tunelab.storage.StorageException beingCreated) {
      return List.of(); // the run is writing the schema right now
    }
  }

  private List<FrozenTrial> inState(TrialState state) {
    return trials().stream().filter(t -> t.state() == state).toList();
  }

  @Test
  void aRunKilledWithSigkillMidTrialIsRecoveredByTheNextRun() throws Exception {
    Path spec = spec(50, 0.4);
    Process runner = start(spec, "run1.log");
    awaitRunning(2, "run1.log");
    List<FrozenTrial> runningWhenKilled = inState(TrialState.RUNNING);
    assertTrue(!runningWhenKilled.isEmpty(), "no trial ever ran: " + Files.readString(dir.resolve("run1.log")));
    runner.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
    runner.waitFor(10, TimeUnit.SECONDS);
    assertTrue(!inState(TrialState.RUNNING).isEmpty(), "the killed run left nothing RUNNING: nothing to test");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"run", "--quiet", "--trials", "2", spec.toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    assertEquals(List.of(), inState(TrialState.RUNNING));
    for (FrozenTrial t : runningWhenKilled) {
      FrozenTrial now = trials().get(t.number());
      assertEquals(TrialState.FAIL, now.state());
      assertTrue(String.valueOf(now.systemAttrs().get("fail_reason")).contains("pid " + runner.pid() + " on"),
          String.valueOf(now.systemAttrs().get("fail_reason")));
      assertTrue(err.toString().contains("trial " + t.number() + " was left RUNNING"), err.toString());
    }
  }

  @Test
  void twoRunsOfOneStudyAtOnceShareItWithoutLosingOrDoublingTrials() throws Exception {
    Path spec = spec(8, 0.05);
    Process a = start(spec, "a.log");
    Process b = start(spec, "b.log");
    assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS), "a run hung");
    assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log")));
    assertEquals(0, b.exitValue(), Files.readString(dir.resolve("b.log")));
    List<FrozenTrial> all = trials();
    assertEquals(16, all.size());
    assertEquals(16, inState(TrialState.COMPLETE).size());
    assertEquals(16, Set.copyOf(all.stream().map(FrozenTrial::number).toList()).size());
    long logs;
    try (var files = Files.list(dir.resolve("p.db-logs").resolve("procs"))) {
      logs = files.filter(p -> p.toString().endsWith(".log")).count();
    }
    assertEquals(16, logs, "one log per trial");
  }
}
