package org.tunelab.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

class CmaEsSamplerTest extends SamplerContract {
  @Override
  protected Sampler newSampler(long seed) {
    return CmaEsSampler.builder().seed(seed).restarts(true).build();
  }

  @Override
  protected int reproducibleTrialsInParallel() {
    return 1;
  }

  private static Study sphere(Sampler sampler, InMemoryStorage storage, int trials) {
    Study study = Study.builder(storage).name("sphere").sampler(sampler).loadIfExists().build();
    study.optimize(t -> {
      double s = 0;
      for (int i = 0; i < 4; i++) s += Math.pow(t.suggestFloat("x" + i, -5, 5) - 1, 2);
      return s;
    }, trials);
    return study;
  }

  @Test
  void convergesOnASphere() {
    Study study = sphere(CmaEsSampler.builder().seed(3).build(), new InMemoryStorage(), 300);
    assertTrue(study.bestTrial().orElseThrow().value() < 1e-3, "best " + study.bestTrial().orElseThrow().value());
  }

  @Test
  void separableVariantConverges() {
    Study study = sphere(CmaEsSampler.builder().seed(3).separable(true).build(), new InMemoryStorage(), 300);
    assertTrue(study.bestTrial().orElseThrow().value() < 1e-3, "best " + study.bestTrial().orElseThrow().value());
  }

  @Test
  void aNewSamplerInstanceContinuesFromTheStoredTrials() {
    InMemoryStorage storage = new InMemoryStorage();
    sphere(CmaEsSampler.builder().seed(5).build(), storage, 40);
    Study resumed = sphere(CmaEsSampler.builder().seed(5).build(), storage, 40);
    Study straight = sphere(CmaEsSampler.builder().seed(5).build(), new InMemoryStorage(), 80);
    List<Map<String, Object>> a = resumed.trials().stream().map(FrozenTrial::params).toList();
    List<Map<String, Object>> b = straight.trials().stream().map(FrozenTrial::params).toList();
    assertEquals(b, a);
  }

  @Test
  void integerDimensionsKeepMoving() {
    Study study = Study.builder(new InMemoryStorage()).name("int").sampler(CmaEsSampler.builder().seed(1).build()).build();
    study.optimize(t -> Math.pow(t.suggestInt("n", -20, 20) - 7, 2) + Math.pow(t.suggestFloat("x", -1, 1), 2), 150);
    assertEquals(7L, study.bestTrial().orElseThrow().params().get("n"));
  }
}
