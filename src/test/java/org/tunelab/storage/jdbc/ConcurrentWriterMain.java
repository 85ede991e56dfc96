package org.tunelab.storage.jdbc;

import java.nio.file.Path;
import java.util.List;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * A worker process for the multi-process tests: {@code <file> <study> <trials>}. Writes trials the
 * way Optuna does (create, one commit per parameter and per report, then the result) and exits 0, or
 * prints the failure to stderr and exits 1.
 */
public final class ConcurrentWriterMain {
  private ConcurrentWriterMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String study = args[1];
    int trials = Integer.parseInt(args[2]);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      long id = storage.findStudy(study).orElseGet(() -> storage.createStudy(study, List.of(StudyDirection.MINIMIZE)));
      for (int i = 0; i < trials; i++) writeTrial(storage, id, i);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void writeTrial(SqliteStorage storage, long studyId, int i) {
    FrozenTrial t = storage.createTrial(studyId, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("x", FloatDistribution.of(-5, 10), (i % 15) - 5.0).build());
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("n", IntDistribution.of(1, 8), 1 + i % 8).build());
    storage.updateTrial(t.trialId(), TrialUpdate.builder()
        .param("c", CategoricalDistribution.of("a", "b", "c"), i % 3).build());
    for (int step = 0; step < 5; step++) {
      storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(step, 10.0 - step).build());
    }
    storage.updateTrial(t.trialId(), TrialUpdate.builder().state(TrialState.COMPLETE).values(List.of((double) i)).build());
  }
}
