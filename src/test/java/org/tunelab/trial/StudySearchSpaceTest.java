package org.tunelab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.Storage;
import org.tunelab.storage.jdbc.SqliteStorage;

/** Reading back the space a study used, from a file Optuna wrote and from hand-made trials. */
class StudySearchSpaceTest {
  @TempDir Path dir;

  private List<FrozenTrial> fixtureTrials(String name, String study) throws Exception {
    Path db = dir.resolve("copy.db");
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
      Files.copy(in, db);
    }
    try (Storage s = SqliteStorage.openReadOnly(db)) {
      return s.trials(s.studyId(study));
    }
  }

  @Test
  void optunaStudyGivesItsSpaceWithTheConditionalMomentum() throws Exception {
    StudySearchSpace used = StudySearchSpace.of(fixtureTrials("optuna-3.1/single.db", "single"));
    SearchSpace space = used.space();
    assertEquals(12, space.size());
    assertEquals(FloatDistribution.log(1e-5, 0.1), space.param("lr").distribution());
    assertEquals(FloatDistribution.stepped(0.0, 0.5, 0.1), space.param("dropout").distribution());
    assertEquals(IntDistribution.stepped(16, 128, 16), space.param("batch").distribution());
    assertEquals(CategoricalDistribution.of(null, "relu", "tanh"), space.param("activation").distribution());
    assertEquals(Condition.when("optimizer", "sgd"), space.param("momentum").condition());
    assertTrue(space.names().stream().toList().indexOf("optimizer") < space.names().stream().toList().indexOf("momentum"));
    assertEquals(1, used.notes().size(), used.notes().toString());
    assertTrue(used.notes().get(0).startsWith("momentum: inferred the condition optimizer in [sgd]"));
  }

  @Test
  void conflictingRangesAreWidenedAndChoicesUnitedWithANote() {
    StudySearchSpace used = StudySearchSpace.of(List.of(
        trial(0, Map.of("x", FloatDistribution.log(1e-3, 1.0)), Map.of("x", 0.01)),
        trial(1, Map.of("x", FloatDistribution.log(1e-4, 0.5)), Map.of("x", 0.01)),
        trial(2, Map.of("c", CategoricalDistribution.of("a", "b")), Map.of("c", "a")),
        trial(3, Map.of("c", CategoricalDistribution.of("b", "d")), Map.of("c", "d")),
        trial(4, Map.of("n", IntDistribution.stepped(0, 10, 2)), Map.of("n", 2L)),
        trial(5, Map.of("n", IntDistribution.stepped(1, 11, 2)), Map.of("n", 3L))));
    assertEquals(FloatDistribution.log(1e-4, 1.0), used.space().param("x").distribution());
    assertEquals(CategoricalDistribution.of("a", "b", "d"), used.space().param("c").distribution());
    assertEquals(IntDistribution.of(0, 11), used.space().param("n").distribution());
    assertEquals(3, used.notes().size(), used.notes().toString());
  }

  @Test
  void mixedKindsKeepTheKindMostTrialsUsed() {
    StudySearchSpace used = StudySearchSpace.of(List.of(
        trial(0, Map.of("k", CategoricalDistribution.of(3L, 5L)), Map.of("k", 3L)),
        trial(1, Map.of("k", CategoricalDistribution.of(3L, 5L)), Map.of("k", 5L)),
        trial(2, Map.of("k", IntDistribution.of(1, 9)), Map.of("k", 4L))));
    assertEquals(CategoricalDistribution.of(3L, 5L), used.space().param("k").distribution());
    assertTrue(used.notes().get(0).contains("kept the categorical ones"), used.notes().toString());
  }

  @Test
  void noTrialsGiveAnEmptySpace() {
    assertEquals(new StudySearchSpace(SearchSpace.of(), List.of()), StudySearchSpace.of(List.of()));
  }

  private static FrozenTrial trial(int number, Map<String, Distribution> distributions, Map<String, Object> params) {
    return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0), LocalDateTime.now(),
        LocalDateTime.now(), params, distributions, Map.of(), Map.of(), null);
  }
}
