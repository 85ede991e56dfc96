package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** Claiming WAITING trials stays right while this process skips the ids it has already looked at. */
class SqliteWaitingTrialsTest {

  private static TrialUpdate waiting(int tag) {
    return TrialUpdate.builder().state(TrialState.WAITING).systemAttr("fixed_params", Map.of("tag", tag)).build();
  }

  @Test
  void findsTrialsAnotherProcessEnqueuesAfterALookFoundNone(@TempDir Path dir) {
    Path file = dir.resolve("w.db");
    try (SqliteStorage mine = SqliteStorage.open(file); SqliteStorage other = SqliteStorage.open(file)) {
      long study = mine.createStudy("s", List.of(StudyDirection.MINIMIZE));
      for (int i = 0; i < 5; i++) mine.createTrial(study, null);
      assertTrue(mine.claimWaitingTrial(study).isEmpty());
      other.createTrial(study, waiting(1));
      other.createTrial(study, waiting(2));
      FrozenTrial first = mine.claimWaitingTrial(study).orElseThrow();
      FrozenTrial second = mine.claimWaitingTrial(study).orElseThrow();
      assertEquals(List.of(5, 6), List.of(first.number(), second.number()));
      assertEquals(TrialState.RUNNING, mine.trial(first.trialId()).state());
      assertTrue(mine.claimWaitingTrial(study).isEmpty());
    }
  }

  @Test
  void claimsInNumberOrderAcrossStudiesSharingTheIdSequence(@TempDir Path dir) {
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("w.db"))) {
      long a = storage.createStudy("a", List.of(StudyDirection.MINIMIZE));
      long b = storage.createStudy("b", List.of(StudyDirection.MINIMIZE));
      storage.createTrial(a, waiting(1));
      storage.createTrial(b, waiting(2));
      storage.createTrial(a, waiting(3));
      assertEquals(Map.of("tag", 2L), storage.claimWaitingTrial(b).orElseThrow().systemAttrs().get("fixed_params"));
      assertEquals(Map.of("tag", 1L), storage.claimWaitingTrial(a).orElseThrow().systemAttrs().get("fixed_params"));
      assertEquals(Map.of("tag", 3L), storage.claimWaitingTrial(a).orElseThrow().systemAttrs().get("fixed_params"));
      assertTrue(storage.claimWaitingTrial(a).isEmpty() && storage.claimWaitingTrial(b).isEmpty());
      assertEquals(List.of(0, 1), storage.trials(a).stream().map(FrozenTrial::number).toList());
    }
  }
}
