package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** One real program per trial, through the executor, for each part of the protocol. */
class CommandTrialRunnerTest {
  @TempDir Path dir;
  private final InMemoryStorage storage = new InMemoryStorage();
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)),
      Param.of("solver", CategoricalDistribution.of("adam", "sgd")),
      new Param("momentum", FloatDistribution.of(0, 1), Condition.when("solver", "sgd")));

  private FrozenTrial one(String script, String line, MetricPattern metric) throws IOException {
    RunFixtures.script(dir, "prog.sh", script);
    TrialCommand c = new TrialCommand(CommandTemplate.parse(line, space.names()), dir, Map.of("EXTRA", "e 1"),
        Duration.ofSeconds(20), metric, Duration.ofSeconds(2));
    Study study = RunFixtures.study(storage, "s" + System.nanoTime(), Pruner.none());
    study.enqueue(Map.of("solver", "adam")); // momentum is then inactive
    return RunFixtures.run(study, new CommandTrialRunner(c), space, 1, 1, dir.resolve("logs")).get(0);
  }

  @Test
  void recordsAttributesConstraintsAndTheFinalValue() throws IOException {
    FrozenTrial t = one("""
        echo '@tunelab {"attrs": {"epochs": 3, "note": "ok"}}'
        echo '@tunelab {"step": 0, "value": 0.5}'
        echo '@tunelab {"constraints": [0.2, -1]}'
        echo '@tunelab {"value": 0.25}'
        """, "sh prog.sh", null);
    assertEquals(TrialState.COMPLETE, t.state(), RunFixtures.reason(t));
    assertEquals(List.of(0.25), t.values());
    assertEquals(Map.of("epochs", 3L, "note", "ok"), t.userAttrs());
    assertEquals(List.of(0.2, -1.0), t.systemAttrs().get("constraints"));
  }

  @Test
  void passesParametersAsEnvironmentAndJsonFileAndDropsInactiveFlags() throws IOException {
    FrozenTrial t = one("""
        echo "args=$*"
        echo "env=$TUNELAB_PARAM_X $TUNELAB_PARAM_SOLVER $TUNELAB_TRIAL_NUMBER $EXTRA"
        cat "$TUNELAB_PARAMS_FILE"; echo
        echo "@tunelab {\\"value\\": $TUNELAB_PARAM_X}"
        """, "sh prog.sh --solver {solver} --momentum={momentum} --json '{\"a\": 1}'", null);
    assertEquals(TrialState.COMPLETE, t.state(), RunFixtures.reason(t));
    double x = (Double) t.params().get("x");
    assertEquals(List.of(x), t.values());
    String log = Files.readString(Path.of((String) t.systemAttrs().get(CommandTrialRunner.LOG_ATTR)));
    assertTrue(log.contains("args=--solver adam --json {\"a\": 1}\n"), log);
    assertTrue(log.contains("env=" + org.tunelab.json.PythonFloat.repr(x) + " adam 0 e 1\n"), log);
    assertTrue(log.contains("\"solver\": \"adam\""), log);
  }

  @Test
  void readsTheMetricAndStepsOfAProgramWithoutTheProtocol() throws IOException {
    FrozenTrial t = one("""
        for e in 1 2 3; do echo "epoch=$e"; echo "loss 9 val_acc=0.$e"; done
        echo "done 42"
        """, "sh prog.sh", MetricPattern.of("val_acc=([0-9.eE+-]+)", "epoch=(\\d+)"));
    assertEquals(TrialState.COMPLETE, t.state(), RunFixtures.reason(t));
    assertEquals(List.of(0.3), t.values());
    assertEquals(Map.of(1, 0.1, 2, 0.2, 3, 0.3), t.intermediateValues());
  }

  @Test
  void aMalformedReportFailsTheTrialNamingTheLineAndKeepsTheOutput() throws IOException {
    FrozenTrial t = one("echo hello\necho '@tunelab {\"value\": oops}'\necho '@tunelab {\"value\": 1}'\n",
        "sh prog.sh", null);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(RunFixtures.reason(t).startsWith("stdout line 2: bad report line"), RunFixtures.reason(t));
    String log = Files.readString(Path.of((String) t.systemAttrs().get(CommandTrialRunner.LOG_ATTR)));
    assertEquals("hello\n@tunelab {\"value\": oops}\n@tunelab {\"value\": 1}\n", log);
  }

  @Test
  void aNanReportFailsTheTrialWithAReason() throws IOException {
    FrozenTrial t = one("echo '@tunelab {\"value\": NaN}'\n", "sh prog.sh", null);
    assertEquals(TrialState.FAIL, t.state());
    assertEquals("the objective returned NaN", RunFixtures.reason(t));
  }

  @Test
  void exitingZeroWithoutAValueFailsSayingWhatWasExpected() throws IOException {
    FrozenTrial t = one("echo training\n", "sh prog.sh", null);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(RunFixtures.reason(t).contains("printed no value: end with a line @tunelab"), RunFixtures.reason(t));
  }

  @Test
  void aTimeoutKillsTheWholeProcessTree() throws IOException, InterruptedException {
    RunFixtures.script(dir, "tree.sh", "sleep 60 &\necho $! > child.pid\nwait\n");
    TrialCommand c = RunFixtures.command(dir, "sh tree.sh", space, Duration.ofMillis(700));
    Study study = RunFixtures.study(storage, "timeout", Pruner.none());
    FrozenTrial t = RunFixtures.run(study, new CommandTrialRunner(c), space, 1, 1, null).get(0);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(RunFixtures.reason(t).startsWith("timed out after 700ms and was killed"), RunFixtures.reason(t));
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
    assertFalse(RunFixtures.runningAfter(child, 2000), "the grandchild sleep survived");
  }

  @Test
  void aFloodOfOutputIsLoggedWholeWithoutHoldingItInMemory() throws IOException {
    // 100 MB: 50 MB of short lines, then one 50 MB line without a newline break, then the value.
    RunFixtures.script(dir, "flood.py", """
        import sys
        out = sys.stdout
        line = "x" * 99 + "\\n"
        for _ in range(500000): out.write(line)
        chunk = "y" * 1000000
        for _ in range(50): out.write(chunk)
        out.write("\\n@tunelab {\\"value\\": 7}\\n")
        """);
    TrialCommand c = RunFixtures.command(dir, "python3 flood.py", space, Duration.ofSeconds(60));
    Study study = RunFixtures.study(storage, "flood", Pruner.none());
    java.util.concurrent.atomic.AtomicInteger longest = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger lines = new java.util.concurrent.atomic.AtomicInteger();
    LocalExecutor executor = new LocalExecutor(study, new CommandTrialRunner(c),
        ExecutorOptions.slots(1).withTrials(1).withSpace(space).withLogDir(dir.resolve("logs")));
    executor.addOutputListener((number, stderr, line) -> {
      lines.incrementAndGet();
      longest.accumulateAndGet(line.length(), Math::max);
    });
    executor.run();
    FrozenTrial t = study.trials().get(0);
    assertEquals(TrialState.COMPLETE, t.state(), RunFixtures.reason(t));
    assertEquals(List.of(7.0), t.values());
    Path log = Path.of((String) t.systemAttrs().get(CommandTrialRunner.LOG_ATTR));
    assertEquals(50_000_000L + 50_000_000L + "\n@tunelab {\"value\": 7}\n".length(), Files.size(log));
    // The 50 MB line reached listeners cut to 1 MiB: nothing holds a whole flood in memory.
    assertEquals(OutputPump.MAX_LINE_CHARS, longest.get());
    assertEquals(500_000 + 2, lines.get());
  }

  @Test
  void missingProgramFailsNamingIt() throws IOException {
    FrozenTrial t = one("", "no-such-program-xyz {x}", null);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(RunFixtures.reason(t).startsWith("cannot start no-such-program-xyz"), RunFixtures.reason(t));
    assertNotNull(t.systemAttrs().get(RunnerIdentity.ATTR));
  }
}
