package org.tunelab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplingTest {
  /** 100,000 points: trial number on x, a noisy decreasing value on y. */
  private static List<OptimizationHistory.Point> crowd() {
    SplittableRandom r = new SplittableRandom(3);
    List<OptimizationHistory.Point> points = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) points.add(new OptimizationHistory.Point(i, 100.0 / (1 + i) + r.nextDouble()));
    return points;
  }

  private static long inside(List<OptimizationHistory.Point> points, double x0, double x1) {
    return points.stream().filter(p -> p.trialNumber() >= x0 && p.trialNumber() <= x1).count();
  }

  @Test
  void fewPointsAreKeptAsTheyAre() {
    List<OptimizationHistory.Point> few = crowd().subList(0, 500);
    assertSame(few, Downsampling.thin(few, 600, 300, 20_000));
  }

  @Test
  void thinningKeepsAtMostOnePointPerCellAndTheExtremes() {
    List<OptimizationHistory.Point> all = crowd();
    List<OptimizationHistory.Point> thin = Downsampling.thin(all, 600, 300, 20_000);
    assertTrue(thin.size() < all.size() && thin.size() <= 601 * 301, "thinned to " + thin.size());
    double min = all.stream().mapToDouble(OptimizationHistory.Point::value).min().orElseThrow();
    double max = all.stream().mapToDouble(OptimizationHistory.Point::value).max().orElseThrow();
    assertTrue(thin.stream().anyMatch(p -> p.value() == max), "the highest value stays");
    // the lowest value's cell keeps a point within one cell height of it
    double cell = (max - min) / 300;
    assertTrue(thin.stream().anyMatch(p -> p.value() <= min + cell), "the bottom row stays");
    for (int k = 1; k < thin.size(); k++) assertTrue(thin.get(k - 1).trialNumber() < thin.get(k).trialNumber(), "in order");
  }

  @Test
  void aZoomedWindowBringsBackThePointsThinnedAtFullView() {
    List<OptimizationHistory.Point> all = crowd();
    List<OptimizationHistory.Point> full = Downsampling.thin(all, 600, 300, 20_000);
    List<OptimizationHistory.Point> zoomed = Downsampling.thinWithin(all, 50_000, 52_000, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 600, 300, 20_000);
    assertTrue(inside(full, 50_000, 52_000) < 2001, "full view thinned the window: " + inside(full, 50_000, 52_000));
    assertEquals(2001, zoomed.size(), "every point of a window that holds fewer than the limit is drawn");
    assertEquals(2001, inside(zoomed, 50_000, 52_000));
  }

  @Test
  void aLargeWindowIsThinnedOverTheWindowOnly() {
    List<OptimizationHistory.Point> all = crowd();
    List<OptimizationHistory.Point> zoomed = Downsampling.thinWithin(all, 0, 60_000, 0, 1.5, 600, 300, 20_000);
    assertTrue(zoomed.stream().allMatch(p -> p.trialNumber() <= 60_000 && p.value() <= 1.5 && p.value() >= 0));
    assertTrue(zoomed.size() <= 601 * 301 && zoomed.size() > 1000, "thinned to " + zoomed.size());
  }

  @Test
  void onALogAxisSmallValuesKeepTheirOwnRows() {
    // one column, ten rows; the values cycle through seven decades, 1e-6 .. 1
    List<OptimizationHistory.Point> points = new ArrayList<>();
    for (int i = 0; i < 7_000; i++) points.add(new OptimizationHistory.Point(i, Math.pow(10, -(i % 7))));
    long linear = Downsampling.thin(points, 1, 10, 5).stream().mapToDouble(OptimizationHistory.Point::value).distinct().count();
    long log = Downsampling.thin(points, 1, 10, 5, true).stream().mapToDouble(OptimizationHistory.Point::value).distinct().count();
    assertEquals(7, log, "every decade keeps a point on a log axis");
    assertTrue(linear <= 3, "a linear grid crowds the small decades into one row: " + linear);
  }
}
