package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeResult;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

class SpecStudiesTest {
  private static final Path FILE = Path.of("study.yaml");
  private final InMemoryStorage storage = new InMemoryStorage();

  private static StudySpec spec(String space, String extra) {
    return SpecReader.parse("name: s\nspace:\n" + space + "objective: {builtin: sphere}\ntrials: 5\n" + extra, FILE);
  }

  private static final String SPACE = """
        x: {type: float, low: -5, high: 10}
        n: {type: int, low: 1, high: 4}
        c: {type: categorical, choices: [a, b]}
      """;

  private OptimizeResult run(StudySpec spec) {
    Study study = SpecStudies.open(spec, storage);
    return study.optimizeMulti(SpecFactory.objective(spec), SpecFactory.options(spec));
  }

  @Test
  void runningASpecTwiceContinuesTheSameStudy() {
    run(spec(SPACE, ""));
    run(spec(SPACE, ""));
    List<FrozenTrial> trials = storage.trials(storage.studyId("s"));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), trials.stream().map(FrozenTrial::number).toList());
    assertEquals(10, trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
  }

  @Test
  void continuingAllowsChangedRangesAsOptunaDoes() {
    run(spec(SPACE, ""));
    run(spec(SPACE.replace("high: 10", "high: 20").replace("high: 4", "high: 8"), ""));
    assertEquals(10, storage.trials(storage.studyId("s")).size());
  }

  @Test
  void refusesToContinueWithAnIncompatibleSpaceListingEveryDifference() {
    run(spec(SPACE, ""));
    StudySpec changed = spec("""
          x: {type: float, low: 1, high: 10, log: true}
          n: {type: float, low: 1, high: 4}
          c: {type: categorical, choices: [a, b, c]}
        """, "");
    SpecMismatchException e = assertThrows(SpecMismatchException.class, () -> SpecStudies.open(changed, storage));
    assertEquals(List.of(
        "space.x: float [-5.0, 10.0] in the study, float [1.0, 10.0] log in the spec",
        "space.n: int [1, 4] in the study, float [1.0, 4.0] in the spec",
        "space.c: categorical [\"a\", \"b\"] in the study, categorical [\"a\", \"b\", \"c\"] in the spec"),
        e.differences());
  }

  @Test
  void refusesToContinueWithOtherDirections() {
    run(spec(SPACE, ""));
    SpecMismatchException e = assertThrows(SpecMismatchException.class,
        () -> SpecStudies.open(spec(SPACE, "directions: [maximize]\n"), storage));
    assertEquals(List.of("directions: [minimize] in the study, [maximize] in the spec"), e.differences());
  }

  @Test
  void enqueuedParametersAreTriedFirstAndOnlyOncePerStudy() {
    StudySpec spec = spec(SPACE, "enqueue:\n  - {x: 1.5, n: 2, c: b}\n");
    run(spec);
    run(spec);
    List<FrozenTrial> trials = storage.trials(storage.studyId("s"));
    assertEquals(Map.of("x", 1.5, "n", 2L, "c", "b"), trials.get(0).params());
    assertEquals(1, trials.stream().filter(t -> t.params().equals(trials.get(0).params())).count());
  }

  @Test
  void gridSamplerStopsWhenEveryPointWasTried() {
    StudySpec spec = SpecReader.parse("""
        name: g
        sampler: {type: grid, seed: 1}
        space:
          n: {type: int, low: 1, high: 3}
          c: {type: categorical, choices: [a, b]}
        objective: {builtin: sphere}
        trials: 50
        """, FILE);
    OptimizeResult result = run(spec);
    assertEquals(6, result.trialsFinished());
    assertEquals(OptimizeResult.StopReason.STOPPED, result.reason());
  }
}
