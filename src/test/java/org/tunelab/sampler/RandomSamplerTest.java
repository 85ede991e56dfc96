package org.tunelab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

class RandomSamplerTest extends SamplerContract {

  @Override
  protected Sampler newSampler(long seed) {
    return new RandomSampler(seed);
  }

  private static List<Map<String, Object>> run(long seed, int workers) {
    Study study = Study.builder(new InMemoryStorage()).name("r").sampler(new RandomSampler(seed)).build();
    study.optimize(t -> {
      t.suggestFloat("x", -1, 1);
      t.suggestIntLog("n", 1, 1000);
      t.suggestCategorical("c", List.of("a", "b", "c"));
      return 0;
    }, OptimizeOptions.trials(40).withWorkers(workers));
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void theSameSeedGivesTheSameTrialsWhateverTheNumberOfWorkers() {
    List<Map<String, Object>> serial = run(42, 1);
    assertEquals(serial, run(42, 1));
    assertEquals(serial, run(42, 3));
    assertNotEquals(serial, run(43, 1));
  }

  @Test
  void everyDrawLiesInItsDistribution() {
    List<Distribution> distributions = List.of(
        FloatDistribution.of(-2, 3), FloatDistribution.log(1e-5, 1e-1), FloatDistribution.stepped(0, 0.5, 0.1),
        IntDistribution.of(-3, 3), IntDistribution.log(1, 1024), IntDistribution.stepped(16, 128, 16),
        CategoricalDistribution.of("a", 1, null));
    SplittableRandom rng = new SplittableRandom(1);
    for (Distribution d : distributions) {
      for (int i = 0; i < 2000; i++) {
        double v = RandomSampler.sample(d, rng);
        assertTrue(d.contains(v), d.describe() + " drew " + v);
      }
    }
  }

  @Test
  void logRangesAreUniformInTheLogarithm() {
    SplittableRandom rng = new SplittableRandom(3);
    FloatDistribution d = FloatDistribution.log(1e-6, 1);
    List<Double> draws = new ArrayList<>();
    for (int i = 0; i < 4000; i++) draws.add(RandomSampler.sample(d, rng));
    long belowGeometricMiddle = draws.stream().filter(v -> v < 1e-3).count();
    assertTrue(Math.abs(belowGeometricMiddle - 2000) < 200, "below 1e-3: " + belowGeometricMiddle);
  }

  @Test
  void reachesBothEndsOfAnIntRange() {
    SplittableRandom rng = new SplittableRandom(5);
    IntDistribution d = IntDistribution.of(0, 3);
    boolean[] seen = new boolean[4];
    for (int i = 0; i < 200; i++) seen[(int) RandomSampler.sample(d, rng)] = true;
    assertEquals("[true, true, true, true]", java.util.Arrays.toString(seen));
  }
}
