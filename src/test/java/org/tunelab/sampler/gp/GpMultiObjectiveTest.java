package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.Constraints;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class GpMultiObjectiveTest {

  @Test
  void recordsEhviByDefaultAndParegoWhenChosen() {
    assertEquals("ehvi", GpSampler.builder().seed(1).build().settings().get("multi_objective"));
    assertEquals("parego", GpSampler.builder().seed(1).multiObjective("parego").build().settings().get("multi_objective"));
  }

  @Test
  void rejectsAnUnknownMultiObjectiveMethodNamingTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GpSampler.builder().multiObjective("nsga"));
    assertEquals("multi_objective must be one of ehvi, parego, got nsga", e.getMessage());
  }

  @Test
  void theSameSeedGivesTheSameTrialsWithTwoObjectives() {
    assertEquals(run(7), run(7));
  }

  @Test
  void krigingBelieverKeepsTheMeanAndRemovesTheUncertaintyAtPendingPoints() {
    double[][] x = {{0.1}, {0.4}, {0.9}};
    GaussianProcess gp = new GaussianProcess(x, new double[] {1, -0.5, 0.3}, new boolean[] {false},
        new GaussianProcess.Hyper(new double[] {10}, 1, 1e-6));
    double[] pending = {0.65};
    double[] before = gp.predict(pending);
    GaussianProcess believed = ObjectiveModels.believing(List.of(gp), new double[][] {pending}).get(0);
    double[] after = believed.predict(pending);
    assertEquals(before[0], after[0], 1e-9);
    assertTrue(after[1] < 1e-3 * before[1], "variance " + before[1] + " -> " + after[1]);
  }

  @Test
  void pendingTrialsPushTheNextProposalAway() {
    SearchSpace space = SearchSpace.of(List.of(Param.of("x", FloatDistribution.of(0, 1))));
    double[] gaps = new double[2];
    for (int pendingFirst = 0; pendingFirst < 2; pendingFirst++) {
      Study study = Study.builder(new InMemoryStorage()).name("pending")
          .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
          .sampler(GpSampler.builder().seed(3).candidates(256).build()).build();
      study.optimizeMulti(t -> objectives(t.suggestFloat("x", 0, 1)), OptimizeOptions.trials(15));
      Trial first = study.ask(space); // stored with its parameters: a pending trial of another worker
      double a = (Double) first.params().get("x");
      if (pendingFirst == 0) study.fail(first, "not pending"); // the same history without it
      Trial second = study.ask(space);
      gaps[pendingFirst] = Math.abs(a - (Double) second.params().get("x"));
    }
    // without the pending trial the next proposal lands near the same spot (trial numbers differ,
    // so the random starts differ); believing the pending outcome moves it elsewhere on the front
    assertTrue(gaps[1] > 0.05 && gaps[1] > 10 * gaps[0], "distance to the first proposal: without it pending "
        + gaps[0] + ", with it pending " + gaps[1]);
  }

  @Test
  void constrainedStudiesKeepProposingFeasiblePoints() {
    // the front f1 = x, f2 = 1 - x is cut by the constraint x >= 0.6: late proposals stay feasible
    GpSampler gp = GpSampler.builder().seed(4).candidates(256)
        .constraints((trial, values) -> new double[] {0.6 - (double) trial.params().get("x")}).build();
    Study study = Study.builder(new InMemoryStorage()).name("c")
        .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).sampler(gp).build();
    study.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      return new double[] {x, 1 - x + 0.1 * t.suggestFloat("y", 0, 1)};
    }, OptimizeOptions.trials(30));
    List<FrozenTrial> late = study.trials(Set.of(TrialState.COMPLETE)).subList(15, 30);
    long feasible = late.stream().filter(t -> Constraints.violation(t) == 0).count();
    assertTrue(feasible >= 13, feasible + " of 15 late trials feasible");
  }

  private static List<Object> run(long seed) {
    Study study = Study.builder(new InMemoryStorage()).name("r")
        .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
        .sampler(GpSampler.builder().seed(seed).candidates(128).build()).build();
    study.optimizeMulti(t -> objectives(t.suggestFloat("x", 0, 1)), OptimizeOptions.trials(14));
    return study.trials(Set.of(TrialState.COMPLETE)).stream().map(t -> (Object) t.params()).toList();
  }

  private static double[] objectives(double x) {
    return new double[] {x * x, -(x - 1) * (x - 1)};
  }
}
