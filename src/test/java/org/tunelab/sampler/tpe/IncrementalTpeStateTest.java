package org.tunelab.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;

/**
 * The state TPE keeps between proposals to go faster (sorted centres, kernel constants, the
 * windowed continuous mixture) gives exactly what recomputing from scratch gives.
 */
class IncrementalTpeStateTest {
  private static final ParzenOptions TUNELAB = new ParzenOptions(1.0, true, false, true, true, true);

  @Test
  void sortedValuesGiveTheStableArgsortOfAnySubsetWithTies() {
    SplittableRandom rng = new SplittableRandom(3);
    SortedValues sorted = new SortedValues(false);
    double[] internal = new double[400];
    for (int t = 0; t < internal.length; t++) {
      // Few distinct values, so ties are common; added in a shuffled order.
      internal[t] = rng.nextInt(25) * 0.5 - 5;
    }
    for (int t : shuffled(internal.length, rng)) sorted.add(t, internal[t]);
    for (int rep = 0; rep < 50; rep++) {
      List<Integer> rows = new ArrayList<>();
      for (int t = 0; t < internal.length; t++) if (rng.nextInt(3) == 0) rows.add(t);
      int[] numbers = rows.stream().mapToInt(Integer::intValue).toArray();
      double[] mus = new double[numbers.length + 1];
      for (int i = 0; i < numbers.length; i++) mus[i] = internal[numbers[i]];
      mus[numbers.length] = rng.nextInt(25) * 0.5 - 5; // the prior's centre, often tied too
      assertArrayEquals(Argsort.of(mus), sorted.order(SortedValues.positions(numbers), mus));
    }
  }

  @Test
  void sortedValuesRefuseRowsTheyDoNotHold() {
    SortedValues sorted = new SortedValues(true);
    sorted.add(0, 1.0);
    sorted.add(2, 3.0);
    // Trial 1 (say a running trial) is not in the list: the caller must sort itself.
    double[] mus = {Math.log(1.0), Math.log(2.0), Math.log(3.0), 0.0};
    assertNull(sorted.order(SortedValues.positions(new int[] {0, 1, 2}), mus));
    assertNull(SortedValues.positions(new int[] {2, 1}));
  }

  @Test
  void continuousMixtureEqualsTheKernelByKernelSumBitForBit() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int rep = 0; rep < 60; rep++) {
      int dims = 2 + rng.nextInt(8);
      int n = 1 + rng.nextInt(400);
      List<Distribution> ds = new ArrayList<>();
      for (int d = 0; d < dims; d++) ds.add(rng.nextBoolean() ? FloatDistribution.of(-5, 5) : FloatDistribution.log(1e-3, 1e2));
      double[][] rows = new double[n][dims];
      for (int i = 0; i < n; i++) for (int d = 0; d < dims; d++) rows[i][d] = draw(ds.get(d), rng);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) w[i] = 1 + rng.nextInt(5);
      ParzenEstimator pe = new ParzenEstimator(ds, rows, w, TUNELAB);
      for (int c = 0; c < 20; c++) {
        double[] x = new double[dims];
        for (int d = 0; d < dims; d++) x[d] = rng.nextBoolean() ? rows[rng.nextInt(n)][d] : draw(ds.get(d), rng);
        assertEquals(pe.kernelByKernelLogPdf(x), pe.logPdf(x), 0.0, "dims " + dims + ", n " + n);
      }
    }
  }

  @Test
  void cachedKernelConstantsAreTheComputedOnes() {
    SplittableRandom rng = new SplittableRandom(5);
    FloatDistribution d = FloatDistribution.log(1e-3, 1e2);
    double[] obs = new double[200];
    for (int i = 0; i < obs.length; i++) obs[i] = draw(d, rng);
    int[] numbers = new int[obs.length];
    for (int i = 0; i < numbers.length; i++) numbers[i] = i;
    NormCache cache = new NormCache();
    NumericKernels first = NumericKernels.build(obs, d, TUNELAB, 3);
    for (int k = 0; k < obs.length; k++) {
      first.logNormOf(k);
      first.sample(k, rng);
    }
    cache.store(numbers, first);
    // Same observations plus one more: the neighbours of the new one change bandwidth.
    double[] more = java.util.Arrays.copyOf(obs, obs.length + 1);
    more[obs.length] = draw(d, rng);
    int[] moreNumbers = java.util.Arrays.copyOf(numbers, more.length);
    moreNumbers[obs.length] = obs.length;
    NumericKernels filled = NumericKernels.build(more, d, TUNELAB, 3);
    cache.fill(moreNumbers, filled);
    NumericKernels fresh = NumericKernels.build(more, d, TUNELAB, 3);
    int reused = 0;
    for (int k = 0; k < more.length; k++) {
      if (!Double.isNaN(filled.logNorm[k])) reused++;
      assertEquals(fresh.logNormOf(k), filled.logNormOf(k), 0.0);
      SplittableRandom a = new SplittableRandom(k);
      SplittableRandom b = new SplittableRandom(k);
      assertEquals(fresh.sample(k, a), filled.sample(k, b), 0.0);
    }
    assertEquals(true, reused > obs.length / 2, "most constants reused, got " + reused);
  }

  private static double draw(Distribution d, SplittableRandom rng) {
    FloatDistribution f = (FloatDistribution) d;
    return f.log() ? Math.exp(Math.log(f.low()) + rng.nextDouble() * (Math.log(f.high()) - Math.log(f.low())))
        : f.low() + rng.nextDouble() * (f.high() - f.low());
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
