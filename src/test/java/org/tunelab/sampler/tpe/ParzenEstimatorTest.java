package org.tunelab.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

class ParzenEstimatorTest {
  private static final ParzenOptions DENSITY = new ParzenOptions(1.0, true, false, false, false);
  private static final ParzenOptions OPTUNA31 = new ParzenOptions(1.0, true, false, false, true);
  private static final NormalDistribution N = new NormalDistribution(0, 1);

  private static double[][] column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) rows[i] = new double[] {values[i]};
    return rows;
  }

  @Test
  void univariateSigmasAreNeighbourGapsClippedAsInOptuna() {
    // Sorted with the prior centre 2.5: -4 -1 0.5 2.5 3 9 9.5 inside [-5, 10]; min sigma 15 / 8.
    NumericKernels k = NumericKernels.build(new double[] {-4, -1, 0.5, 3, 9, 9.5}, FloatDistribution.of(-5, 10),
        DENSITY, 1);
    assertArrayEquals(new double[] {3, 3, 2, 6, 6, 1.875, 15}, k.sigma, 1e-12);
    assertArrayEquals(new double[] {-4, -1, 0.5, 3, 9, 9.5, 2.5}, k.mu, 0);
  }

  @Test
  void logPdfMatchesOptuna31OnTheSameObservations() {
    // Optuna 3.1.0's _ParzenEstimator.log_pdf for these observations, weights and points.
    ParzenEstimator pe = new ParzenEstimator(List.of(FloatDistribution.of(-5, 10)),
        column(-4, -1, 0.5, 3, 9, 9.5), TpeSampler.defaultWeights(6), OPTUNA31);
    double[] expected = {-1.27142731, -0.92678119, -1.00655089, -1.0025246};
    double[] xs = {-5, 0, 2, 9.7};
    for (int i = 0; i < xs.length; i++) assertEquals(expected[i], pe.logPdf(new double[] {xs[i]}), 1e-7);
  }

  @Test
  void densityOfOneObservationIsTheHandComputedMixture() {
    // One observation at 0 in [-1, 1]: its sigma clips to 2 / min(100, 3); the prior has sigma 2.
    ParzenEstimator pe = new ParzenEstimator(List.of(FloatDistribution.of(-1, 1)), column(0), new double[] {1}, DENSITY);
    double s1 = 2.0 / 3;
    double z1 = N.cumulativeProbability(1 / s1) - N.cumulativeProbability(-1 / s1);
    double z2 = N.cumulativeProbability(0.5) - N.cumulativeProbability(-0.5);
    double x = 0.5;
    double expected = 0.5 * N.density(x / s1) / s1 / z1 + 0.5 * N.density(x / 2) / 2 / z2;
    assertEquals(Math.log(expected), pe.logPdf(new double[] {x}), 1e-12);
  }

  @Test
  void densityIntegratesToOneAndSamplesFollowIt() {
    SplittableRandom rng = new SplittableRandom(1);
    double[] obs = new double[300];
    for (int i = 0; i < obs.length; i++) obs[i] = -5 + 10 * Math.pow(rng.nextDouble(), 3);
    ParzenEstimator pe = new ParzenEstimator(List.of(FloatDistribution.of(-5, 5)), column(obs),
        TpeSampler.defaultWeights(obs.length), DENSITY);
    int m = 100_000;
    double integral = 0;
    double[] binMass = new double[10];
    for (int i = 0; i < m; i++) {
      double x = -5 + 10 * (i + 0.5) / m;
      double p = Math.exp(pe.logPdf(new double[] {x})) * 10.0 / m;
      integral += p;
      binMass[Math.min(9, (int) (x + 5))] += p;
    }
    assertEquals(1.0, integral, 1e-6);
    int draws = 100_000;
    int[] hist = new int[10];
    for (double[] s : pe.sample(rng, draws)) hist[Math.min(9, (int) (s[0] + 5))]++;
    for (int b = 0; b < 10; b++) {
      double sd = Math.sqrt(draws * binMass[b] * (1 - binMass[b]));
      assertEquals(draws * binMass[b], hist[b], 5 * sd + 1, "bin " + b);
    }
  }

  @Test
  void discreteKernelsGiveMassesThatSumToOne() {
    List<Distribution> d = List.of(IntDistribution.of(0, 6));
    ParzenEstimator pe = new ParzenEstimator(d, column(1, 2, 2, 5), new double[] {1, 1, 1, 1}, DENSITY);
    double total = 0;
    for (int v = 0; v <= 6; v++) total += Math.exp(pe.logPdf(new double[] {v}));
    assertEquals(1.0, total, 1e-12);
    List<Distribution> logInt = List.of(IntDistribution.log(1, 100));
    ParzenEstimator pl = new ParzenEstimator(logInt, column(3, 50), new double[] {1, 1}, DENSITY);
    total = 0;
    for (int v = 1; v <= 100; v++) total += Math.exp(pl.logPdf(new double[] {v}));
    assertEquals(1.0, total, 1e-12);
  }

  @Test
  void categoricalRowsFollowOptunasPriorWeighting() {
    // Two observations of choice 0 among 3: each row is (1/3 + 1, 1/3, 1/3) / 2, the prior row is uniform.
    ParzenEstimator pe = new ParzenEstimator(List.of(CategoricalDistribution.of("a", "b", "c")), column(0, 0),
        new double[] {1, 1}, DENSITY);
    double hit = (1.0 / 3 + 1) / 2;
    double miss = (1.0 / 3) / 2;
    assertEquals(Math.log((2 * hit + 1.0 / 3) / 3), pe.logPdf(new double[] {0}), 1e-12);
    assertEquals(Math.log((2 * miss + 1.0 / 3) / 3), pe.logPdf(new double[] {2}), 1e-12);
  }

  @Test
  void normalCdfAgreesWithCommonsMathToNearFullPrecision() {
    for (double z = -37; z <= 8; z += 0.0137) {
      double expected = 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
      assertEquals(expected, TruncatedNormal.lowerCdf(z), 1e-12 * expected, "Phi(" + z + ")");
      assertEquals(Math.log(expected), TruncatedNormal.logCdf(z), 1e-12, "log Phi(" + z + ")");
    }
  }

  @Test
  void truncatedNormalMassIsStableInTheTails() {
    assertEquals(Math.log(N.cumulativeProbability(-1) - N.cumulativeProbability(-2)), TruncatedNormal.logMass(-2, -1), 1e-12);
    assertEquals(Math.log(N.cumulativeProbability(2) - N.cumulativeProbability(1)), TruncatedNormal.logMass(1, 2), 1e-12);
    // Deep in the tail: log(Phi(-40) - Phi(-41)) ~ log phi(40)/40 = -800 - log(40) - log sqrt(2 pi)
    assertEquals(-800 - Math.log(40) - TruncatedNormal.LOG_SQRT_2PI, TruncatedNormal.logMass(-41, -40), 1e-3);
    assertEquals(0.0, TruncatedNormal.logMass(-50, 50), 0);
  }
}
