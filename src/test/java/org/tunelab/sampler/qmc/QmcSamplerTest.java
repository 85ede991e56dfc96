package org.tunelab.sampler.qmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;

class QmcSamplerTest extends SamplerContract {

  @Override
  protected Sampler newSampler(long seed) {
    return QmcSampler.builder().seed(seed).build();
  }

  @Test
  void scrambledSobolKeepsOnePointPerStratumInEveryDimension() {
    // A (0, m, s)-net property: the first 2^m points put exactly one point in each interval of width 2^-m.
    SobolPoints sobol = new SobolPoints(true, 5);
    for (int dim : new int[] {0, 1, 7, 99}) {
      boolean[] hit = new boolean[256];
      for (int i = 0; i < 256; i++) {
        int cell = (int) (sobol.coordinate(i, dim) * 256);
        assertTrue(!hit[cell], "dimension " + dim + " cell " + cell + " hit twice");
        hit[cell] = true;
      }
    }
  }

  @Test
  void unscrambledSobolMatchesCommonsMath() {
    SobolPoints sobol = new SobolPoints(false, 0);
    org.apache.commons.math3.random.SobolSequenceGenerator g = new org.apache.commons.math3.random.SobolSequenceGenerator(5);
    for (int i = 0; i < 100; i++) {
      double[] p = g.nextVector();
      for (int d = 0; d < 5; d++) assertEquals(p[d], sobol.coordinate(i, d), 0, "point " + i + " dim " + d);
    }
  }

  @Test
  void scramblingDependsOnTheSeed() {
    assertNotEquals(new SobolPoints(true, 1).coordinate(3, 0), new SobolPoints(true, 2).coordinate(3, 0));
    assertNotEquals(new HaltonPoints(true, 1).coordinate(3, 4), new HaltonPoints(true, 2).coordinate(3, 4));
  }

  @Test
  void samplesAreUniformOnTheInternalScale() {
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (QmcSampler.Type type : QmcSampler.Type.values()) {
      double[][] values = sample(QmcSampler.builder().seed(3).type(type).build(), 500);
      // Linear [-5, 5] on the left, log [1e-3, 1e2] on the right, both uniform after the map.
      double[] linear = Arrays.stream(values).mapToDouble(v -> (v[0] + 5) / 10).toArray();
      double[] log = Arrays.stream(values).mapToDouble(v -> (Math.log10(v[1]) + 3) / 5).toArray();
      UniformRealDistribution u = new UniformRealDistribution(0, 1);
      // Low-discrepancy points are far more even than random ones: the KS distance stays tiny.
      assertTrue(ks.kolmogorovSmirnovStatistic(u, linear) < 0.02, type + " linear");
      assertTrue(ks.kolmogorovSmirnovStatistic(u, log) < 0.02, type + " log");
      assertTrue(ks.kolmogorovSmirnovTest(u, linear) > 0.5, type + " linear p-value");
    }
  }

  private static double[][] sample(QmcSampler sampler, int n) {
    SearchSpace space = SearchSpace.of(Param.of("a", FloatDistribution.of(-5, 5)), Param.of("b", FloatDistribution.log(1e-3, 1e2)));
    Study study = Study.builder(new InMemoryStorage()).name("q").sampler(sampler).build();
    study.optimize(t -> 0.0, OptimizeOptions.trials(n).withSpace(space));
    return study.trials().stream().map(t -> new double[] {(double) t.params().get("a"), (double) t.params().get("b")})
        .toArray(double[][]::new);
  }

  @Test
  void settingsRecordTheSequence() {
    assertEquals("halton", QmcSampler.builder().seed(1).type(QmcSampler.Type.HALTON).build().settings().get("qmc_type"));
    assertEquals(true, QmcSampler.builder().seed(1).build().settings().get("scramble"));
  }
}
