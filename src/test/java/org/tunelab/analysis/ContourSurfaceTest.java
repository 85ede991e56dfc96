package org.tunelab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

class ContourSurfaceTest {
  private static final FloatDistribution X = FloatDistribution.of(0, 10);
  private static final FloatDistribution LR = FloatDistribution.log(1e-5, 1e-1);

  @Test
  void laplaceFillKeepsKnownCellsAndAveragesNeighboursElsewhere() {
    Double[][] known = new Double[5][5];
    known[0][0] = 1.0;
    known[4][4] = 9.0;
    known[2][3] = 4.0;
    double[][] z = LaplaceFill.fill(known);
    assertEquals(1.0, z[0][0]);
    assertEquals(9.0, z[4][4]);
    assertEquals(4.0, z[2][3]);
    for (int j = 0; j < 5; j++) {
      for (int i = 0; i < 5; i++) {
        if (known[j][i] != null) continue;
        double sum = 0;
        int n = 0;
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int[] s : steps) {
          int ni = i + s[0];
          int nj = j + s[1];
          if (ni >= 0 && nj >= 0 && ni < 5 && nj < 5) {
            sum += z[nj][ni];
            n++;
          }
        }
        assertEquals(sum / n, z[j][i], 1e-9, "cell " + i + "," + j);
      }
    }
  }

  @Test
  void aSingleKnownCellFillsTheWholeGrid() {
    Double[][] known = new Double[3][4];
    known[1][2] = 7.5;
    for (double[] row : LaplaceFill.fill(known)) {
      for (double v : row) assertEquals(7.5, v, 1e-9);
    }
  }

  @Test
  void gridSpansTheObservedRangePaddedByFivePercent() {
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(1.0), "x", X, 2.0, "y", X, 4.0),
        Trials.complete(1, List.of(3.0), "x", X, 6.0, "y", X, 8.0));
    ContourSurface c = ContourSurface.of(trials, "x", "y", 0, StudyDirection.MINIMIZE);
    assertEquals(ContourSurface.GRID, c.xs().length);
    assertEquals(2.0 - 0.2, c.xs()[0], 1e-12);
    assertEquals(6.0 + 0.2, c.xs()[ContourSurface.GRID - 1], 1e-12);
    assertEquals(List.of(0, 1), c.points().stream().map(ContourSurface.Point::trialNumber).toList());
  }

  @Test
  void logAxisIsResampledEvenlyInLogSpace() {
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(1.0), "lr", LR, 1e-4, "x", X, 1.0),
        Trials.complete(1, List.of(2.0), "lr", LR, 1e-2, "x", X, 2.0));
    ContourSurface c = ContourSurface.of(trials, "lr", "x", 0, StudyDirection.MINIMIZE);
    double ratio = c.xs()[1] / c.xs()[0];
    assertEquals(ratio, c.xs()[51] / c.xs()[50], 1e-9);
    assertEquals(Math.pow(10, -4 - 0.1), c.xs()[0], 1e-12);
  }

  @Test
  void categoricalAxisPlacesChoicesAtTheirPositions() {
    CategoricalDistribution opt = CategoricalDistribution.of("adam", "sgd", "rmsprop");
    List<FrozenTrial> trials = new ArrayList<>();
    trials.add(Trials.complete(0, List.of(1.0), "opt", opt, "adam", "x", X, 1.0));
    trials.add(Trials.complete(1, List.of(5.0), "opt", opt, "rmsprop", "x", X, 9.0));
    ContourSurface c = ContourSurface.of(trials, "opt", "x", 0, StudyDirection.MINIMIZE);
    assertEquals(List.of(0.0, 2.0), c.points().stream().map(ContourSurface.Point::x).toList());
    assertTrue(c.xs()[0] < 0 && c.xs()[ContourSurface.GRID - 1] > 2, "padded around the positions");
  }

  @Test
  void surfaceBetweenTwoTrialsLiesBetweenTheirValues() {
    List<FrozenTrial> trials = List.of(Trials.complete(0, List.of(0.0), "x", X, 0.0, "y", X, 0.0),
        Trials.complete(1, List.of(10.0), "x", X, 10.0, "y", X, 10.0));
    ContourSurface c = ContourSurface.of(trials, "x", "y", 0, StudyDirection.MINIMIZE);
    for (double[] row : c.z()) {
      for (double v : row) assertTrue(v >= -1e-9 && v <= 10 + 1e-9, "maximum principle: " + v);
    }
    assertEquals(5.0, c.z()[50][49] / 2 + c.z()[49][50] / 2, 0.5);
  }
}
