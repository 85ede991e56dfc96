package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.functions.BenchmarkFunction;
import org.tunelab.functions.BenchmarkFunctions;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

class TrustRegionTest {
  private static final int STARTUP = 2;

  /** Values after two start-up values of 0: each listed step is an improvement (+1) or not (-1). */
  private static double[] history(int... steps) {
    double[] v = new double[STARTUP + steps.length];
    double best = 0;
    for (int k = 0; k < steps.length; k++) v[STARTUP + k] = steps[k] > 0 ? ++best : best - 5;
    return v;
  }

  @Test
  void startsAtTheInitialSide() {
    assertEquals(TrustRegion.INITIAL, TrustRegion.side(history(), STARTUP, 3));
  }

  @Test
  void threeImprovementsInARowDoubleTheSideUpToTheMaximum() {
    assertEquals(1.6, TrustRegion.side(history(1, 1, 1), STARTUP, 3), 1e-12);
    assertEquals(1.6, TrustRegion.side(history(1, 1, 1, 1, 1, 1), STARTUP, 3), 1e-12);
    assertEquals(0.8, TrustRegion.side(history(1, 1, -1, 1), STARTUP, 3), 1e-12);
  }

  @Test
  void failuresInARowHalveTheSideAtMaxOfFourAndTheDimension() {
    assertEquals(0.8, TrustRegion.side(history(-1, -1, -1), STARTUP, 3), 1e-12);
    assertEquals(0.4, TrustRegion.side(history(-1, -1, -1, -1), STARTUP, 3), 1e-12);
    assertEquals(0.8, TrustRegion.side(history(-1, -1, -1, -1, -1, -1, -1, -1, -1), STARTUP, 10), 1e-12);
    assertEquals(0.4, TrustRegion.side(history(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1), STARTUP, 10), 1e-12);
  }

  @Test
  void aCollapsedRegionStartsAgainAtTheInitialSide() {
    int[] fails = new int[4 * 7];
    java.util.Arrays.fill(fails, -1);
    // Six halvings: 0.8 / 64 = 0.0125 is still above the minimum 1/128; the seventh restarts.
    assertEquals(0.8 / 64, TrustRegion.side(history(java.util.Arrays.copyOf(fails, 24)), STARTUP, 3), 1e-12);
    assertEquals(TrustRegion.INITIAL, TrustRegion.side(history(fails), STARTUP, 3), 1e-12);
  }

  @Test
  void theBoxIsWiderAlongLongLengthScalesAndClippedToTheCube() {
    double[] lo = new double[3];
    double[] hi = new double[3];
    // Length scales 2 and 0.5 (geometric mean 1); the third dimension is categorical.
    TrustRegion.box(new double[] {0.5, 0.95, 1}, new double[] {0.25, 4, 1}, new boolean[] {false, false, true}, 0.4, lo,
        hi);
    assertEquals(0.1, lo[0], 1e-12);
    assertEquals(0.9, hi[0], 1e-12);
    assertEquals(0.85, lo[1], 1e-12);
    assertEquals(1.0, hi[1], 1e-12);
    assertEquals(0.0, lo[2]);
    assertEquals(1.0, hi[2]);
  }

  @Test
  void theBoxNeverCollapsesBelowTheMinimumHalfWidth() {
    double[] lo = new double[2];
    double[] hi = new double[2];
    TrustRegion.box(new double[] {1, 0.5}, new double[] {1e12, 1e-12}, new boolean[2], 0.01, lo, hi);
    assertTrue(hi[0] - lo[0] >= TrustRegion.MIN_HALF_WIDTH, lo[0] + ".." + hi[0]);
  }

  @Test
  void theOptimizerKeepsContinuousAndSteppedCoordinatesInsideTheBox() {
    java.util.Map<String, org.tunelab.space.Distribution> space = new java.util.LinkedHashMap<>();
    space.put("x", org.tunelab.space.FloatDistribution.of(0, 1));
    space.put("n", new org.tunelab.space.IntDistribution(0, 10, 1, false));
    org.tunelab.sampler.UnitSpace us = new org.tunelab.sampler.UnitSpace(space);
    double[] lo = {0.2, 0.2};
    double[] hi = {0.4, 0.45};
    // The acquisition grows with both coordinates: unconstrained, the best point is the far corner.
    double[] u = new AcquisitionOptimizer(us, 64, 3, lo, hi).maximize(p -> p[0] + p[1], List.of(), new java.util.SplittableRandom(1));
    assertTrue(u[0] >= 0.2 - 1e-9 && u[0] <= 0.4 + 1e-9, "x at " + u[0]);
    assertTrue(u[1] >= 0.2 - 1e-9 && u[1] <= 0.45 + 1e-9, "n at " + u[1]);
    assertEquals(0.4, u[0], 1e-3);
  }

  /** Best regret of each seed on a 10-dimensional function. */
  private static List<Double> regrets(boolean trustRegion, String function, int trials) {
    BenchmarkFunction f = BenchmarkFunctions.get(function);
    List<Double> out = new ArrayList<>();
    for (long seed = 0; seed < 3; seed++) {
      GpSampler gp = GpSampler.builder().seed(seed).candidates(256).trustRegion(trustRegion).build();
      Study study = Study.builder(new InMemoryStorage()).name("tr").sampler(gp).build();
      study.optimize(t -> f.evaluate(t.params()), OptimizeOptions.trials(trials).withSpace(f.searchSpace()));
      out.add(f.regret(study.bestTrial().orElseThrow().value()));
    }
    return out;
  }

  /** Trials after the start-up with at least half their coordinates on a bound of the box. */
  private static int cornerTrials(Study study, double bound) {
    int n = 0;
    for (FrozenTrial t : study.trials().subList(10, study.trials().size())) {
      int on = 0;
      for (Object v : t.params().values()) if (Math.abs(Math.abs(((Number) v).doubleValue()) - bound) < 1e-9) on++;
      if (2 * on >= t.params().size()) n++;
    }
    return n;
  }

  @Test
  void inTenDimensionsTheRegionKeepsTrialsOffTheCorners() {
    BenchmarkFunction f = BenchmarkFunctions.get("ackley10");
    int[] corners = new int[2];
    for (int k = 0; k < 2; k++) {
      GpSampler gp = GpSampler.builder().seed(2).candidates(256).trustRegion(k == 0).build();
      Study study = Study.builder(new InMemoryStorage()).name("corners").sampler(gp).build();
      study.optimize(t -> f.evaluate(t.params()), OptimizeOptions.trials(50).withSpace(f.searchSpace()));
      corners[k] = cornerTrials(study, 32.768);
    }
    assertTrue(corners[0] * 2 < corners[1], "trials in corners: with the region " + corners[0] + ", global " + corners[1]);
  }

  @Test
  void inTenDimensionsTheRegionFindsBetterValues() {
    List<Double> region = regrets(true, "ackley10", 80);
    List<Double> global = regrets(false, "ackley10", 80);
    double regionSum = region.stream().mapToDouble(Double::doubleValue).sum();
    double globalSum = global.stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(regionSum < globalSum, "regrets with the region " + region + ", global " + global);
  }
}
