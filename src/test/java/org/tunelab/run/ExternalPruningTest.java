package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.ThresholdPruner;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** The pruner stops external programs: a signal they can catch, then SIGKILL after the grace period. */
class ExternalPruningTest {
  @TempDir Path dir;
  private final InMemoryStorage storage = new InMemoryStorage();
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));

  /** Reports 1, 2, 3, ... once every 50 ms; the threshold pruner stops it above 2.5. */
  private FrozenTrial prunedRun(String onTerm, Duration grace) throws IOException {
    RunFixtures.script(dir, "train.py", """
        import json, os, signal, sys, time
        ON_TERM = sys.argv[1]
        def handler(signum, frame):
            with open("got-term", "w") as f: f.write("yes")
            if ON_TERM == "exit":
                sys.exit(0)
        signal.signal(signal.SIGTERM, handler)
        with open("pid", "w") as f: f.write(str(os.getpid()))
        for step in range(200):
            print("@tunelab " + json.dumps({"step": step, "value": float(step + 1)}), flush=True)
            time.sleep(0.05)
        print('@tunelab {"value": 0}', flush=True)
        """);
    TrialCommand c = new TrialCommand(CommandTemplate.parse("python3 train.py " + onTerm, space.names()), dir,
        Map.of(), Duration.ofSeconds(30), null, grace);
    Study study = Study.builder(storage).name(onTerm).pruner(new ThresholdPruner(null, 2.5, 0, 1)).build();
    return RunFixtures.run(study, new CommandTrialRunner(c), space, 1, 1, null).get(0);
  }

  @Test
  void aProgramThatCatchesTheSignalStopsCleanlyAndTheTrialIsPrunedWithItsLastValue() throws Exception {
    long begin = System.nanoTime();
    FrozenTrial t = prunedRun("exit", Duration.ofSeconds(10));
    assertEquals(TrialState.PRUNED, t.state(), RunFixtures.reason(t));
    assertEquals(java.util.List.of(3.0), t.values());
    assertEquals(Map.of(0, 1.0, 1, 2.0, 2, 3.0), t.intermediateValues(), "reports after the decision are not kept");
    assertTrue(Files.exists(dir.resolve("got-term")));
    assertTrue(System.nanoTime() - begin < 5_000_000_000L, "it waited for the grace period instead of the exit");
  }

  @Test
  void aProgramThatIgnoresTheSignalIsKilledAfterTheGracePeriod() throws Exception {
    long begin = System.nanoTime();
    FrozenTrial t = prunedRun("ignore", Duration.ofMillis(500));
    long elapsedMillis = (System.nanoTime() - begin) / 1_000_000;
    assertEquals(TrialState.PRUNED, t.state(), RunFixtures.reason(t));
    assertTrue(Files.exists(dir.resolve("got-term")), "it was told first");
    long pid = Long.parseLong(Files.readString(dir.resolve("pid")));
    assertFalse(RunFixtures.runningAfter(pid, 1000), "the program outlived its grace period");
    assertTrue(elapsedMillis >= 500 && elapsedMillis < 8000, "took " + elapsedMillis + " ms: grace 500 ms, a run 10 s");
  }
}
