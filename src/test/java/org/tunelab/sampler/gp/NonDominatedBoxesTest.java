package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.analysis.ParetoFront;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class NonDominatedBoxesTest {

  /** Points near the unit sphere's positive orthant (mostly mutually non-dominated), plus dominated ones. */
  static double[][] randomFront(int m, int n, SplittableRandom rng, boolean integer) {
    double[][] out = new double[n][m];
    for (int r = 0; r < n; r++) {
      double norm = 0;
      for (int j = 0; j < m; j++) {
        out[r][j] = Math.abs(rng.nextGaussian()) + 1e-3;
        norm += out[r][j] * out[r][j];
      }
      double radius = (r % 4 == 3 ? 0.6 : 0.9 + 0.1 * rng.nextDouble()) / Math.sqrt(norm);
      for (int j = 0; j < m; j++) {
        out[r][j] *= radius;
        if (integer) out[r][j] = Math.round(out[r][j] * 8) / 8.0; // ties between coordinates
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} objectives, {1} points, seed {2}, ties {3}")
  @CsvSource({"2, 1, 1, false", "2, 30, 2, false", "2, 30, 3, true", "3, 1, 4, false", "3, 12, 5, false",
      "3, 30, 6, false", "3, 25, 7, true", "4, 6, 8, false", "4, 14, 9, false", "4, 14, 10, true", "5, 8, 11, false"})
  void boxesAreDisjointAndFillTheNonDominatedRegionExactly(int m, int n, long seed, boolean ties) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] points = randomFront(m, n, rng, ties);
    double[] ref = new double[m];
    Arrays.fill(ref, -0.1);
    NonDominatedBoxes boxes = NonDominatedBoxes.of(points, ref, 100_000);
    double[] top = new double[m];
    Arrays.fill(top, 1.5); // above every point: clips the unbounded boxes
    double sum = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double v = 1;
      for (int j = 0; j < m; j++) {
        assertTrue(boxes.lower()[k][j] >= ref[j] && Double.isFinite(boxes.lower()[k][j]), "finite lower corner above the reference");
        v *= Math.min(boxes.upper()[k][j], top[j]) - boxes.lower()[k][j];
      }
      sum += v;
      for (int q = 0; q < k; q++) assertTrue(!overlap(boxes, k, q), "boxes " + k + " and " + q + " overlap");
    }
    double box = 1;
    for (int j = 0; j < m; j++) box *= top[j] - ref[j];
    double expected = box - GridHypervolume.of(points, ref);
    assertEquals(expected, sum, 1e-12 * box);
  }

  @ParameterizedTest(name = "{0} objectives, seed {1}")
  @CsvSource({"2, 31", "3, 32", "3, 33"})
  void boxesFillWhatTheAnalysisHypervolumeLeavesOfTheReferenceBox(int m, long seed) {
    double[][] points = randomFront(m, 20, new SplittableRandom(seed), false);
    double[] ref = new double[m];
    Arrays.fill(ref, -0.1);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int r = 0; r < points.length; r++) {
      List<Double> v = new ArrayList<>();
      for (double x : points[r]) v.add(x);
      trials.add(new FrozenTrial(r, r, TrialState.COMPLETE, v, null, null, Map.of(), Map.of(), Map.of(), Map.of(), null));
    }
    List<OptimizationHistory.Point> history = ParetoFront.of(trials, Collections.nCopies(m, StudyDirection.MAXIMIZE), ref)
        .hypervolume();
    double hypervolume = history.get(history.size() - 1).value();
    NonDominatedBoxes boxes = NonDominatedBoxes.of(points, ref, 10_000);
    double sum = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double v = 1;
      for (int j = 0; j < m; j++) v *= Math.min(boxes.upper()[k][j], 1.5) - boxes.lower()[k][j];
      sum += v;
    }
    assertEquals(Math.pow(1.6, m) - hypervolume, sum, 1e-12);
  }

  @Test
  void twoObjectivesAndTheGeneralAlgorithmAgree() {
    double[][] points = randomFront(2, 20, new SplittableRandom(12), false);
    double[] ref = {-0.1, -0.1};
    NonDominatedBoxes two = NonDominatedBoxes.of(points, ref, 1000);
    // the same front with a third objective that no point improves: the region's slice above it is two's region
    double[][] lifted = new double[points.length][];
    for (int r = 0; r < points.length; r++) lifted[r] = new double[] {points[r][0], points[r][1], 1};
    NonDominatedBoxes three = NonDominatedBoxes.of(lifted, new double[] {-0.1, -0.1, 0}, 1000);
    double clipped2 = 0;
    for (int k = 0; k < two.size(); k++) clipped2 += width(two, k, 0) * width(two, k, 1);
    double clipped3 = 0;
    for (int k = 0; k < three.size(); k++) {
      if (three.lower()[k][2] < 1) clipped3 += width(three, k, 0) * width(three, k, 1) * (Math.min(1, three.upper()[k][2]) - three.lower()[k][2]);
    }
    assertEquals(clipped2, clipped3, 1e-12);
  }

  @Test
  void givesUpAboveTheBoxBudget() {
    double[][] points = randomFront(4, 40, new SplittableRandom(13), false);
    double[] ref = {-0.1, -0.1, -0.1, -0.1};
    assertThrows(NonDominatedBoxes.TooManyBoxes.class, () -> NonDominatedBoxes.of(points, ref, 50));
  }

  @Test
  void referencePointIsOptunasBelowTheWorstValues() {
    double[] ref = NonDominatedBoxes.referencePoint(new double[][] {{1, -2}, {3, 4}});
    assertEquals(0.9, ref[0], 1e-12); // min(1.1, 0.9)
    assertEquals(-2.2, ref[1], 1e-12); // min(-2.2, -1.8)
    assertTrue(ref[0] < 0.9 && ref[1] < -2.2, "nudged below");
  }

  private static double width(NonDominatedBoxes b, int k, int j) {
    return Math.min(b.upper()[k][j], 1.5) - b.lower()[k][j];
  }

  private static boolean overlap(NonDominatedBoxes b, int k, int q) {
    for (int j = 0; j < b.objectives(); j++) {
      if (Math.max(b.lower()[k][j], b.lower()[q][j]) >= Math.min(b.upper()[k][j], b.upper()[q][j])) return false;
    }
    return true;
  }

  /** Exact hypervolume (maximisation) by summing the cells of the grid the points' coordinates span. */
  static final class GridHypervolume {
    static double of(double[][] points, double[] ref) {
      int m = ref.length;
      List<double[]> axes = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        TreeSet<Double> values = new TreeSet<>();
        values.add(ref[j]);
        for (double[] p : points) if (p[j] > ref[j]) values.add(p[j]);
        axes.add(values.stream().mapToDouble(Double::doubleValue).toArray());
      }
      return cells(points, axes, new double[m], new double[m], 0);
    }

    private static double cells(double[][] points, List<double[]> axes, double[] lo, double[] hi, int j) {
      if (j == axes.size()) {
        for (double[] p : points) {
          boolean dominates = true;
          for (int d = 0; d < p.length; d++) dominates &= p[d] >= hi[d];
          if (dominates) {
            double v = 1;
            for (int d = 0; d < p.length; d++) v *= hi[d] - lo[d];
            return v;
          }
        }
        return 0;
      }
      double sum = 0;
      double[] a = axes.get(j);
      for (int i = 0; i + 1 < a.length; i++) {
        lo[j] = a[i];
        hi[j] = a[i + 1];
        sum += cells(points, axes, lo, hi, j + 1);
      }
      return sum;
    }
  }
}
