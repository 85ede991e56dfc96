package org.tunelab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.sampler.GridSampler;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.Storage;
import org.tunelab.storage.Storages;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.study.Objective;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** The usage examples shown in the public types' Javadoc, compiled and run, so that they stay true. */
class JavadocExamplesTest {

  @Test
  void studyExampleOptimizesIntoASqliteFile(@TempDir Path dir) {
    try (Storage storage = Storages.open("sqlite:///studies.db", dir)) {
      Study study = Study.builder(storage).name("quadratic").sampler(new RandomSampler(42)).loadIfExists().build();
      study.optimize(trial -> Math.pow(trial.suggestFloat("x", -10, 10) - 2, 2), 100);
      FrozenTrial best = study.bestTrial().orElseThrow();
      assertTrue(best.value() < 1, "best " + best.value());
    }
    try (Storage reopened = Storages.open(dir.resolve("studies.db").toString(), dir)) {
      assertEquals(100, reopened.trials(reopened.studyId("quadratic")).size());
    }
  }

  @Test
  void askAndTellWithoutALoop() {
    try (Storage storage = Storages.open("memory", Path.of("."))) {
      Study study = Study.builder(storage).name("ask-tell").build();
      Trial t = study.ask();
      double x = t.suggestFloat("x", -10, 10);
      FrozenTrial told = study.tell(t, x * x);
      assertEquals(TrialState.COMPLETE, told.state());
    }
  }

  @Test
  void objectiveAndOptionsExamples() {
    Objective f = trial -> {
      double x = trial.suggestFloat("x", -10, 10);
      return (x - 2) * (x - 2);
    };
    try (Storage storage = Storages.open("memory", Path.of("."))) {
      Study study = Study.builder(storage).name("options").sampler(new RandomSampler(1)).build();
      study.optimize(f, OptimizeOptions.trials(100).withWorkers(4).withTimeout(Duration.ofMinutes(10)));
      assertEquals(100, study.trials().size());
    }
  }

  @Test
  void distributionAndSpaceExamples() {
    FloatDistribution lr = FloatDistribution.log(1e-5, 1e-1);
    FloatDistribution dropout = FloatDistribution.stepped(0.0, 0.5, 0.1);
    IntDistribution layers = IntDistribution.of(1, 4);
    IntDistribution units = IntDistribution.log(8, 512);
    CategoricalDistribution optimizer = CategoricalDistribution.of("sgd", "adam");
    SearchSpace space = SearchSpace.of(
        Param.of("optimizer", optimizer),
        new Param("momentum", FloatDistribution.of(0, 0.99), Condition.when("optimizer", "sgd")),
        Param.of("lr", lr), Param.of("dropout", dropout), Param.of("layers", layers), Param.of("units", units));
    assertEquals(6, space.size());
  }

  @Test
  void samplerAndTrialUpdateExamples() {
    Sampler sampler = new RandomSampler(42);
    Sampler grid = new GridSampler(Map.of("lr", List.of(0.1, 0.01), "layers", List.of(1, 2, 3)), 0L);
    assertEquals(6, ((GridSampler) grid).size());
    try (Storage storage = Storages.open("memory", Path.of("."))) {
      long studyId = storage.createStudy("s", List.of(org.tunelab.trial.StudyDirection.MINIMIZE));
      long id = storage.createTrial(studyId, null).trialId();
      storage.updateTrial(id, TrialUpdate.builder()
          .param("lr", FloatDistribution.log(1e-5, 1e-1), 0.01)
          .state(TrialState.COMPLETE).values(List.of(0.93))
          .build());
      assertEquals(Map.of("lr", 0.01), storage.trial(id).params());
      assertEquals(sampler.settings().get("seed"), 42L);
    }
  }
}
