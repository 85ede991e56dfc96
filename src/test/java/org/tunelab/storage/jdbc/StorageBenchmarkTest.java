package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** The benchmark harness writes what it claims to write; timings are reported, not asserted. */
class StorageBenchmarkTest {
  @TempDir
  Path dir;

  @Test
  void writesTrialsWithTenParamsAndTwentyReportsThenReadsThem() {
    Path file = dir.resolve("bench.db");
    StorageBenchmark.WriteResult optuna = StorageBenchmark.write(file, 15, StorageBenchmark.WriteStyle.OPTUNA, 1);
    StorageBenchmark.WriteResult batched = StorageBenchmark.write(file, 15, StorageBenchmark.WriteStyle.BATCHED, 2);
    assertEquals(15, optuna.trials());
    assertTrue(batched.trialsPerSecond() > 0 && optuna.millisPerTrial() > 0);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId("bench"));
      assertEquals(30, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state());
        assertEquals(10, t.params().size());
        assertEquals(20, t.intermediateValues().size());
      }
    }
    StorageBenchmark.ReadResult read = StorageBenchmark.read(file, "bench", 2);
    assertEquals(30, read.trials());
  }

  @Test
  void concurrentWritersAllFinish() {
    Path file = dir.resolve("concurrent.db");
    StorageBenchmark.ConcurrentResult r = StorageBenchmark.concurrentWrite(file, 3, 10, 1);
    assertEquals(3, r.writers());
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertEquals(30, storage.trials(storage.studyId("bench-concurrent"), java.util.Set.of(TrialState.COMPLETE)).size());
    }
  }
}
