package org.tunelab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * What every sampler promises, as one suite each sampler's test extends: values inside their
 * distributions for every kind of parameter, reproducibility for a seed (serially and with three
 * workers), define-by-run and conditional parameters, parallel workers, and settings that name the
 * sampler's type and seed.
 */
public abstract class SamplerContract {
  /** Every kind of distribution a sampler must handle. */
  protected static final SearchSpace ALL_KINDS = SearchSpace.of(
      Param.of("f", FloatDistribution.of(-2, 3)),
      Param.of("f_log", FloatDistribution.log(1e-5, 1e-1)),
      Param.of("f_step", FloatDistribution.stepped(0, 0.5, 0.1)),
      Param.of("i", IntDistribution.of(-3, 3)),
      Param.of("i_log", IntDistribution.log(1, 1024)),
      Param.of("i_step", IntDistribution.stepped(16, 128, 16)),
      Param.of("c", CategoricalDistribution.of("a", 1, null, 2.5)));

  /** A new sampler with this seed. */
  protected abstract Sampler newSampler(long seed);

  /**
   * How many leading trials a seeded run reproduces with parallel workers. A model-based sampler's
   * proposal depends on which trials had finished, which thread timing decides, so only its
   * history-free start-up trials are reproducible; history-free samplers reproduce every trial.
   */
  protected int reproducibleTrialsInParallel() {
    return Integer.MAX_VALUE;
  }

  /** Enough trials to leave any start-up phase. */
  protected int trials() {
    return 30;
  }

  /** A smooth objective over {@link #ALL_KINDS}, so that model-based samplers have something to learn. */
  protected static double objective(Trial t) {
    Map<String, Object> p = t.params();
    double v = Math.pow((double) p.get("f") - 1, 2) + Math.abs(Math.log10((double) p.get("f_log")) + 3);
    v += (double) p.get("f_step") + Math.abs((long) p.get("i")) + Math.log((long) p.get("i_log"));
    v += (long) p.get("i_step") / 64.0 + ("a".equals(p.get("c")) ? 0 : 1);
    return v;
  }

  private Study run(long seed, int workers, int trials) {
    Study study = Study.builder(new InMemoryStorage()).name("contract").sampler(newSampler(seed)).build();
    study.optimize(SamplerContract::objective, OptimizeOptions.trials(trials).withWorkers(workers).withSpace(ALL_KINDS));
    return study;
  }

  private static List<Map<String, Object>> params(Study study, int limit) {
    return study.trials().stream().filter(t -> t.number() < limit).map(FrozenTrial::params).toList();
  }

  @Test
  void everyValueLiesInsideItsDistribution() {
    Study study = run(3, 1, trials());
    assertEquals(trials(), study.trials().size());
    for (FrozenTrial t : study.trials()) {
      assertEquals(TrialState.COMPLETE, t.state(), "trial " + t.number());
      for (Param p : ALL_KINDS.params()) {
        double internal = t.internalParam(p.name());
        assertTrue(p.distribution().contains(internal), p.name() + " = " + t.params().get(p.name())
            + " is outside " + p.distribution().describe() + " in trial " + t.number());
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    List<Map<String, Object>> first = params(run(42, 1, trials()), trials());
    assertEquals(first, params(run(42, 1, trials()), trials()));
    assertNotEquals(first, params(run(43, 1, trials()), trials()));
  }

  @Test
  void theSameSeedGivesTheSameTrialsWithThreeWorkers() {
    int n = Math.min(trials(), reproducibleTrialsInParallel());
    List<Map<String, Object>> serial = params(run(7, 1, trials()), n);
    assertEquals(serial, params(run(7, 3, trials()), n));
  }

  @Test
  void handlesConditionalDefineByRunParameters() {
    Study study = Study.builder(new InMemoryStorage()).name("conditional").sampler(newSampler(5)).build();
    study.optimize(t -> {
      Object model = t.suggestCategorical("model", List.of("linear", "tree"));
      if ("linear".equals(model)) {
        double c = t.suggestFloatLog("c", 1e-3, 1e3);
        return Math.abs(Math.log10(c));
      }
      long depth = t.suggestInt("depth", 1, 12);
      double rate = t.suggestFloat("rate", 0, 1);
      return depth / 12.0 + rate;
    }, trials());
    for (FrozenTrial t : study.trials()) {
      assertEquals(TrialState.COMPLETE, t.state());
      boolean linear = "linear".equals(t.params().get("model"));
      assertEquals(linear ? List.of("model", "c") : List.of("model", "depth", "rate"), List.copyOf(t.params().keySet()));
    }
  }

  @Test
  void parallelWorkersFinishEveryTrialOnce() {
    Study study = run(11, 3, trials());
    List<Integer> numbers = study.trials().stream().map(FrozenTrial::number).toList();
    assertEquals(java.util.stream.IntStream.range(0, trials()).boxed().toList(), numbers);
    assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void settingsNameTheTypeAndTheSeed() {
    Map<String, Object> settings = newSampler(1234).settings();
    assertTrue(settings.get("type") instanceof String s && !s.isBlank(), "type: " + settings);
    assertEquals(1234L, ((Number) settings.get("seed")).longValue());
  }
}
