package org.tunelab.sampler.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;

class AutoSamplerTest extends SamplerContract {
  @Override
  protected Sampler newSampler(long seed) {
    return AutoSampler.withSeed(seed);
  }

  @Override
  protected int trials() {
    return 14;
  }

  @Override
  protected int reproducibleTrialsInParallel() {
    return 10;
  }

  @Test
  void picksGpForAFixedNumericSpaceAndTpeForAConditionalOne() {
    AutoSampler fixed = AutoSampler.withSeed(1);
    Study a = Study.builder(new InMemoryStorage()).name("fixed").sampler(fixed).build();
    a.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 0, 3), 12);
    assertEquals(Map.of("fixed", "gp"), fixed.settings().get("picked"));

    AutoSampler conditional = AutoSampler.withSeed(1);
    Study b = Study.builder(new InMemoryStorage()).name("cond").sampler(conditional).build();
    b.optimize(t -> "a".equals(t.suggestCategorical("m", java.util.List.of("a", "b"))) ? t.suggestFloat("x", 0, 1)
        : t.suggestFloat("y", 0, 1), 12);
    assertEquals(Map.of("cond", "tpe"), conditional.settings().get("picked"));
  }

  @Test
  void picksTheGpForSeveralObjectivesOnASmallFixedSpaceAndTpeOnAConditionalOne() {
    AutoSampler fixed = AutoSampler.withSeed(3);
    Study a = Study.builder(new InMemoryStorage()).name("two").sampler(fixed)
        .directions(org.tunelab.trial.StudyDirection.MINIMIZE, org.tunelab.trial.StudyDirection.MINIMIZE).build();
    a.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      return new double[] {x, 1 - x * t.suggestFloat("y", 0, 1)};
    }, org.tunelab.study.OptimizeOptions.trials(12));
    assertEquals(Map.of("two", "gp"), fixed.settings().get("picked"));

    AutoSampler conditional = AutoSampler.withSeed(3);
    Study b = Study.builder(new InMemoryStorage()).name("cond2").sampler(conditional)
        .directions(org.tunelab.trial.StudyDirection.MINIMIZE, org.tunelab.trial.StudyDirection.MINIMIZE).build();
    b.optimizeMulti(t -> {
      double v = "a".equals(t.suggestCategorical("m", java.util.List.of("a", "b"))) ? t.suggestFloat("x", 0, 1)
          : t.suggestFloat("y", 0, 1);
      return new double[] {v, 1 - v};
    }, org.tunelab.study.OptimizeOptions.trials(12));
    assertEquals(Map.of("cond2", "tpe"), conditional.settings().get("picked"));
  }

  @Test
  void picksTpeForMoreThanTenParameters() {
    AutoSampler auto = AutoSampler.withSeed(2);
    Study study = Study.builder(new InMemoryStorage()).name("wide").sampler(auto).build();
    study.optimize(t -> {
      double s = 0;
      for (int i = 0; i < 11; i++) s += t.suggestFloat("x" + i, -1, 1);
      return s;
    }, 3);
    assertEquals(Map.of("wide", "tpe"), auto.settings().get("picked"));
  }
}
