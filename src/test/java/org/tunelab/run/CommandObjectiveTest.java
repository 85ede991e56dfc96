package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Runs real programs through /bin/sh scripts, one trial each. */
class CommandObjectiveTest {
  @TempDir Path dir;
  private final InMemoryStorage storage = new InMemoryStorage();
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)),
      Param.of("name", CategoricalDistribution.of("a; touch INJECTED", "b")));

  private FrozenTrial runOne(String script, String command, Duration timeout) throws IOException {
    Files.writeString(dir.resolve("prog.sh"), script);
    CommandObjective objective = new CommandObjective(CommandTemplate.parse(command, space.names()), dir, timeout);
    Study study = Study.builder(storage).name("s-" + System.nanoTime()).build();
    study.optimizeMulti(objective, OptimizeOptions.trials(1).withSpace(space).continuingOnFailure(true));
    return study.trials().get(0);
  }

  @Test
  void takesTheValueFromTheLastReportLineAndRecordsIntermediateValues() throws IOException {
    FrozenTrial t = runOne("""
        echo '@tunelab {"step": 0, "value": 5}'
        echo '@tunelab {"value": 9}'
        echo 42
        echo "@tunelab {\\"value\\": $1}"
        """, "sh prog.sh {x}", null);
    assertEquals(TrialState.COMPLETE, t.state());
    assertEquals(List.of((Double) t.params().get("x")), t.values());
    assertEquals(Map.of(0, 5.0), t.intermediateValues());
  }

  @Test
  void fallsBackToTheLastPlainNumber() throws IOException {
    FrozenTrial t = runOne("echo 'loss 3'\necho 0.5\necho done\n", "sh prog.sh", null);
    assertEquals(List.of(0.5), t.values());
  }

  @Test
  void passesAValueWithShellSyntaxAsOneLiteralArgument() throws IOException {
    FrozenTrial t = runOne("echo \"$#\"\n", "sh prog.sh {name}", null);
    // One argument whatever the value: a shell would have split "a; touch INJECTED" and run touch.
    assertEquals(List.of(1.0), t.values());
    assertTrue(Files.notExists(dir.resolve("INJECTED")));
  }

  @Test
  void nonZeroExitFailsTheTrialWithTheLastErrorLine() throws IOException {
    FrozenTrial t = runOne("echo 0.5\necho 'out of memory' >&2\nexit 3\n", "sh prog.sh", null);
    assertEquals(TrialState.FAIL, t.state());
    assertEquals("exit code 3 from sh: out of memory", t.systemAttrs().get("fail_reason"));
  }

  @Test
  void programPrintingNoValueFailsTheTrialSayingWhatWasExpected() throws IOException {
    FrozenTrial t = runOne("echo training\n", "sh prog.sh", null);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(String.valueOf(t.systemAttrs().get("fail_reason")).contains("printed no value"), t.toString());
  }

  @Test
  void timeoutKillsTheProgramAndFailsTheTrial() throws IOException {
    long begin = System.nanoTime();
    FrozenTrial t = runOne("sleep 30\necho 1\n", "sh prog.sh", Duration.ofMillis(500));
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(String.valueOf(t.systemAttrs().get("fail_reason")).contains("timed out after"), t.toString());
    assertTrue(System.nanoTime() - begin < 10_000_000_000L, "the sleeping program was not killed in time");
  }

  @Test
  void missingProgramFailsTheTrialNamingIt() throws IOException {
    FrozenTrial t = runOne("", "no-such-program-xyz", null);
    assertEquals(TrialState.FAIL, t.state());
    assertTrue(String.valueOf(t.systemAttrs().get("fail_reason")).contains("cannot start no-such-program-xyz"));
  }
}
