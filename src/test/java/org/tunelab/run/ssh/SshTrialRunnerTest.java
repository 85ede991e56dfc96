package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.pruner.Pruner;
import org.tunelab.pruner.ThresholdPruner;
import org.tunelab.run.CommandTemplate;
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

/** Real trials through a real sshd: reports, pruning, stopping, slots, per-trial overhead. */
class SshTrialRunnerTest {
  private static final Logger LOG = LoggerFactory.getLogger("tunelab.measure");
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 5)));

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    code = Files.createDirectories(dir.resolve("code"));
    Files.writeString(code.resolve("sq.py"), """
        import sys
        print("@tunelab {\\"value\\": %s}" % (float(sys.argv[1]) ** 2))
        """);
    // Reports every 0.1 s for N steps; a child process shares its group, as a data loader would.
    Files.writeString(code.resolve("steps.sh"), """
        #!/bin/sh
        sleep 300 &
        echo "child $!" >&2
        i=0
        while [ $i -lt "$1" ]; do
          echo "@tunelab {\\"step\\": $i, \\"value\\": $((100 - i))}"
          i=$((i+1)); sleep "${2:-0.1}"
        done
        kill $!
        echo "@tunelab {\\"value\\": 1.5}"
        """);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  static SshOptions options() {
    return LocalSshd.testOptions(dir).withReconnectFor(Duration.ofSeconds(30));
  }

  private TrialCommand command(String line, Duration timeout) {
    return new TrialCommand(CommandTemplate.parse(line, space.names()), code, Map.of(), timeout, null, Duration.ofSeconds(1));
  }

  private List<FrozenTrial> run(SshTrialRunner runner, Pruner pruner, String name, int trials) {
    Study study = Study.builder(new InMemoryStorage()).name(name).pruner(pruner).build();
    new LocalExecutor(study, runner, ExecutorOptions.slots(runner.slots()).withTrials(trials).withSpace(space)
        .withLogDir(dir.resolve("logs").resolve(name))).run();
    return study.trials();
  }

  @Test
  void runsTrialsOnTheHostAndReadsTheirReports() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("python3 sq.py {x}", Duration.ofMinutes(1)), options(), "sq")
        .host(sshd.target().withSlots(2)).build()) {
      runner.prepare();
      List<FrozenTrial> trials = run(runner, Pruner.none(), "sq", 6);
      assertEquals(6, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs()));
        double x = ((Number) t.params().get("x")).doubleValue();
        assertEquals(x * x, t.value(), 1e-12);
        assertTrue(String.valueOf(t.systemAttrs().get(SshHost.REMOTE_ATTR)).contains("/sq/trials/"), String.valueOf(t.systemAttrs()));
      }
      assertTrue(Files.isRegularFile(sshd.dir.resolve("remote/sq/code/sq.py")), "the code was shipped");
    }
  }

  @Test
  void keepsIntermediateReportsAndPrintsNoDuplicates() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 5 0.02", Duration.ofMinutes(1)), options(), "steps")
        .host(sshd.target()).build()) {
      List<FrozenTrial> trials = run(runner, Pruner.none(), "steps", 1);
      FrozenTrial t = trials.get(0);
      assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs()));
      assertEquals(1.5, t.value());
      assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(t.intermediateValues().keySet()));
    }
  }

  @Test
  void pruningKillsTheRemoteProcessGroup() throws Exception {
    // Values fall from 100; prune when a value is above 99.5 after the first step: at step 0 (value 100).
    Pruner pruner = new ThresholdPruner(null, 99.5, 0, 1);
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 600 0.1", Duration.ofMinutes(2)), options(), "prune")
        .host(sshd.target()).build()) {
      long begin = System.nanoTime();
      List<FrozenTrial> trials = run(runner, pruner, "prune", 1);
      assertEquals(TrialState.PRUNED, trials.get(0).state(), String.valueOf(trials.get(0).systemAttrs()));
      assertTrue(System.nanoTime() - begin < 20_000_000_000L, "the pruned trial ran on");
      assertGroupGone(trials.get(0));
    }
  }

  @Test
  void stoppingTheRunKillsTheRemoteProcessGroup() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("sh steps.sh 600 0.1", Duration.ofMinutes(2)), options(), "stop")
        .host(sshd.target()).build()) {
      Study study = Study.builder(new InMemoryStorage()).name("stop").build();
      var trial = study.ask(space);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread worker = new Thread(() -> {
        try {
          runner.run(trial, org.tunelab.run.TrialContext.simple());
        } catch (Throwable e) {
          thrown.set(e);
        }
      });
      worker.start();
      waitFor(() -> trial.snapshot().intermediateValues().size() >= 2, 10_000);
      worker.interrupt();
      worker.join(15_000);
      assertFalse(worker.isAlive(), "the runner did not return after an interrupt");
      assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
      assertGroupGone(trial.snapshot());
    }
  }

  @Test
  void combinesLocalSlotsWithAHostAndHandsOutTheHostsGpus() throws Exception {
    Files.writeString(code.resolve("gpu.sh"), "sleep 0.3; echo \"@tunelab {\\\"value\\\": ${CUDA_VISIBLE_DEVICES:-9}}\"\n");
    TrialCommand cmd = command("sh gpu.sh {x}", Duration.ofMinutes(1));
    try (SshTrialRunner runner = SshTrialRunner.builder(cmd, options(), "mixed")
        .local(new org.tunelab.run.CommandTrialRunner(cmd), 1, List.of())
        .host(sshd.target().withSlots(2).withGpus(List.of("3", "5"))).build()) {
      assertEquals(3, runner.slots());
      List<FrozenTrial> trials = run(runner, Pruner.none(), "mixed", 9);
      java.util.Set<Double> remoteValues = new java.util.TreeSet<>();
      int local = 0;
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs()));
        if (t.systemAttrs().containsKey(SshHost.REMOTE_ATTR)) remoteValues.add(t.value());
        else {
          local++;
          assertEquals(9.0, t.value(), "a local trial got no GPU");
        }
      }
      assertTrue(local >= 1, "no trial ran locally");
      assertEquals(java.util.Set.of(3.0, 5.0), remoteValues, "each remote trial gets one of the host's GPUs");
    }
  }

  @Test
  void measuresPerTrialOverheadOnAReusedConnection() throws Exception {
    try (SshTrialRunner runner = SshTrialRunner.builder(command("true {x}", Duration.ofMinutes(1)), options(), "overhead")
        .host(sshd.target()).build()) {
      runner.prepare();
      Study study = Study.builder(new InMemoryStorage()).name("overhead").build();
      int n = 10;
      long[] times = new long[n];
      for (int i = 0; i < n; i++) {
        var trial = study.ask(space);
        long begin = System.nanoTime();
        assertThrows(org.tunelab.run.CommandFailedException.class, () -> runner.run(trial, org.tunelab.run.TrialContext.simple()));
        times[i] = System.nanoTime() - begin;
      }
      java.util.Arrays.sort(times);
      long medianMs = times[n / 2] / 1_000_000;
      long[] local = new long[n];
      var localRunner = new org.tunelab.run.CommandTrialRunner(command("true {x}", Duration.ofMinutes(1)));
      for (int i = 0; i < n; i++) {
        var trial = study.ask(space);
        long begin = System.nanoTime();
        assertThrows(org.tunelab.run.CommandFailedException.class, () -> localRunner.run(trial, org.tunelab.run.TrialContext.simple()));
        local[i] = System.nanoTime() - begin;
      }
      java.util.Arrays.sort(local);
      LOG.info("per-trial time of `true` over SSH on loopback, connection and shell reused: median {} ms (slowest, on a new shell: {} ms);"
          + " locally: median {} ms", medianMs, times[n - 1] / 1_000_000, local[n / 2] / 1_000_000);
    }
  }

  /** The trial's process group on the host (its pid file names it) has no process left. */
  static void assertGroupGone(FrozenTrial t) throws Exception {
    String remote = String.valueOf(t.systemAttrs().get(SshHost.REMOTE_ATTR));
    Path trialDir = Path.of(remote.substring(remote.indexOf(":/") + 1));
    long pgid = Long.parseLong(Files.readString(trialDir.resolve("pid")).strip());
    waitFor(() -> ProcessHandle.allProcesses().noneMatch(p -> pgidOf(p.pid()) == pgid), 10_000);
  }

  private static long pgidOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return f[0].equals("Z") ? -1 : Long.parseLong(f[2]);
    } catch (Exception gone) {
      return -1;
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > until) throw new AssertionError("condition not met within " + millis + " ms");
      Thread.sleep(20);
    }
  }
}
