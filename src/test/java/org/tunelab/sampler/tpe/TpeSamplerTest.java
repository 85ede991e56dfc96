package org.tunelab.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.benchmark.BenchmarkRow;
import org.tunelab.benchmark.QualityBenchmark;
import org.tunelab.benchmark.RegretSummary;
import org.tunelab.functions.BenchmarkFunctions;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
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

class TpeSamplerTest extends SamplerContract {

  @Override
  protected Sampler newSampler(long seed) {
    return TpeSampler.builder().seed(seed).build();
  }

  @Override
  protected int reproducibleTrialsInParallel() {
    return 10;
  }

  @Test
  void gammaFollowsOptunasFormulas() {
    assertEquals(List.of(0, 1, 1, 2, 10, 25, 25),
        java.util.stream.IntStream.of(0, 1, 10, 11, 100, 250, 1000).map(TpeSampler::defaultGamma).boxed().toList());
    assertEquals(List.of(1, 3, 8), java.util.stream.IntStream.of(1, 100, 1000).map(TpeSampler::hyperoptGamma).boxed().toList());
  }

  @Test
  void weightsAreFlatBelow25ThenRampUpForOlderTrials() {
    assertArrayEquals(new double[0], TpeSampler.defaultWeights(0));
    assertArrayEquals(new double[] {1, 1, 1}, TpeSampler.defaultWeights(3));
    double[] w = TpeSampler.defaultWeights(30);
    assertEquals(30, w.length);
    // numpy.linspace(1/30, 1, 5) then 25 ones
    assertArrayEquals(new double[] {1.0 / 30, 1.0 / 30 + 0.25 * (29.0 / 30), 1.0 / 30 + 0.5 * (29.0 / 30),
        1.0 / 30 + 0.75 * (29.0 / 30), 1.0}, java.util.Arrays.copyOf(w, 5), 1e-15);
    for (int i = 5; i < 30; i++) assertEquals(1.0, w[i]);
  }

  @Test
  void builderSettingsAreRecorded() {
    Map<String, Object> s = TpeSampler.builder().seed(9).multivariate(true).group(true).constantLiar(true)
        .nEiCandidates(32).build().settings();
    assertEquals("tpe", s.get("type"));
    assertEquals(9L, s.get("seed"));
    assertEquals(true, s.get("multivariate"));
    assertEquals(true, s.get("group"));
    assertEquals(true, s.get("constant_liar"));
    assertEquals(32, s.get("n_ei_candidates"));
    assertEquals(10, s.get("n_startup_trials"));
    assertEquals("default", s.get("gamma"));
  }

  @Test
  void beatsRandomSamplingOnBraninInTheMedian() {
    double tpe = medianRegret("tpe");
    double random = medianRegret("random");
    // Over 10 seeds TPE's median regret at 100 trials is around 0.03 and random's around 0.5.
    assertTrue(tpe < random / 4, "tpe " + tpe + " vs random " + random);
  }

  private static double medianRegret(String sampler) {
    List<BenchmarkRow> rows = QualityBenchmark.builder(BenchmarkFunctions.get("branin"), sampler)
        .trials(100).seeds(10).budgets(List.of(100)).build().run();
    return RegretSummary.of(rows).get(0).median();
  }

  @Test
  void concentratesNearTheOptimumOfAQuadratic() {
    Study study = Study.builder(new InMemoryStorage()).name("q").sampler(TpeSampler.withSeed(3)).build();
    study.optimize(t -> Math.pow(t.suggestFloat("x", -10, 10) - 2, 2), 100);
    long near = study.trials().stream().filter(t -> t.number() >= 50)
        .filter(t -> Math.abs((double) t.params().get("x") - 2) < 2).count();
    // A uniform sampler puts 10 of 50 trials within 2 of the optimum.
    assertTrue(near >= 30, near + " of the last 50 trials within 2 of the optimum");
  }

  @Test
  void constantLiarPutsOtherRunningTrialsAbove() {
    SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));
    TpeSampler liar = TpeSampler.builder().seed(1).constantLiar(true).build();
    Study study = Study.builder(new InMemoryStorage()).name("liar").sampler(liar).build();
    study.optimize(t -> (double) t.params().get("x"), OptimizeOptions.trials(12).withSpace(space));
    Trial running = study.ask(space);
    Trial asking = study.ask();
    TpeHistory h = liar.history(study, asking.snapshot());
    assertTrue(h.above().stream().anyMatch(t -> t.number() == running.number()), "running trial is above");
    assertFalse(h.above().stream().anyMatch(t -> t.number() == asking.number()), "the asking trial is not");
    assertEquals(12, h.finished());

    TpeSampler honest = TpeSampler.builder().seed(1).build();
    assertFalse(honest.history(study, asking.snapshot()).above().stream()
        .anyMatch(t -> t.state() == TrialState.RUNNING));
  }

  @Test
  void multivariateConstantLiarSharesTheJointSample() {
    TpeSampler tpe = TpeSampler.builder().seed(2).multivariate(true).constantLiar(true).build();
    Study study = Study.builder(new InMemoryStorage()).name("mv").sampler(tpe).build();
    study.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestFloat("b", 0, 1), 12);
    Trial t = study.ask();
    Object shared = study.trial(t.trialId()).systemAttrs().get(ParamColumns.RELATIVE_PARAMS_KEY);
    assertTrue(shared instanceof Map<?, ?> m && m.keySet().equals(Set.of("a", "b")), "shared: " + shared);
    assertEquals(((Map<?, ?>) shared).get("a"), t.suggestFloat("a", 0, 1));
  }

  @Test
  void groupedMultivariateSamplesEachBranchOfAConditionalSpace() {
    TpeSampler tpe = TpeSampler.builder().seed(4).multivariate(true).group(true).build();
    Study study = Study.builder(new InMemoryStorage()).name("g").sampler(tpe).build();
    study.optimize(t -> {
      if ("a".equals(t.suggestCategorical("branch", List.of("a", "b")))) {
        return Math.abs(t.suggestFloat("a1", -1, 1)) + Math.abs(t.suggestFloat("a2", -1, 1));
      }
      return 1 + t.suggestFloat("b1", 0, 1);
    }, 40);
    SearchSpaceTracker tracker = new SearchSpaceTracker();
    tracker.update(study.trials(Set.of(TrialState.COMPLETE)));
    List<Set<String>> groups = tracker.groups().stream().map(Map::keySet).map(Set::copyOf).toList();
    assertEquals(Set.of(Set.of("branch"), Set.of("a1", "a2"), Set.of("b1")), Set.copyOf(groups));
    assertEquals(List.of("branch"), List.copyOf(tracker.intersection().keySet()));
  }

  @Test
  void multiObjectiveStudiesRun() {
    TpeSampler tpe = TpeSampler.builder().seed(6).build();
    Study study = Study.builder(new InMemoryStorage()).name("mo")
        .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).sampler(tpe).build();
    study.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      double y = t.suggestFloat("y", 0, 1);
      return new double[] {x * x + y, -(1 - x) * (1 - x) - y};
    }, OptimizeOptions.trials(40));
    assertEquals(40, study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    assertFalse(study.bestTrials().isEmpty());
  }

  @Test
  void constraintsFunctionStoresViolationsAndSteersAway() {
    TpeSampler tpe = TpeSampler.builder().seed(8)
        .constraints((trial, values) -> new double[] {(double) trial.params().get("x") - 0.5}).build();
    Study study = Study.builder(new InMemoryStorage()).name("c").sampler(tpe).build();
    study.optimize(t -> -t.suggestFloat("x", 0, 1), 60);
    FrozenTrial first = study.trials().get(0);
    assertEquals(List.of((double) first.params().get("x") - 0.5), first.systemAttrs().get("constraints"));
    long feasibleLate = study.trials().stream().filter(t -> t.number() >= 30)
        .filter(t -> (double) t.params().get("x") <= 0.5).count();
    // The unconstrained optimum is x = 1; the feasible best is x = 0.5.
    assertTrue(feasibleLate >= 15, feasibleLate + " feasible of the last 30");
  }
}
