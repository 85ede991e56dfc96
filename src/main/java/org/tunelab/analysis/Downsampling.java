package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leaves out points a chart could not show apart: of the points that fall into one cell of a
 * {@code columns} x {@code rows} grid over their range (about a dot's size on screen), only the first
 * is kept. A study of 100,000 trials then draws a few tens of thousands of dots that look the same,
 * and the extremes stay, since every occupied cell keeps a point. On a logarithmic value axis the
 * rows are laid over the logarithms (values must then be positive), so small values, which a
 * linear grid would crowd into its lowest row, keep as much detail as large ones.
 */
public final class Downsampling {
  private Downsampling() {}

  /** The points to draw, in their original order; all of them when there are no more than {@code limit}. */
  public static List<OptimizationHistory.Point> thin(List<OptimizationHistory.Point> points, int columns, int rows,
      int limit) {
    return thin(points, columns, rows, limit, false);
  }

  /** As {@link #thin(List, int, int, int)}, the rows over the values' logarithms when {@code logY}. */
  public static List<OptimizationHistory.Point> thin(List<OptimizationHistory.Point> points, int columns, int rows,
      int limit, boolean logY) {
    if (points.size() <= limit) return points;
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (OptimizationHistory.Point p : points) {
      minX = Math.min(minX, p.trialNumber());
      maxX = Math.max(maxX, p.trialNumber());
      minY = Math.min(minY, y(p, logY));
      maxY = Math.max(maxY, y(p, logY));
    }
    double w = Math.max(1e-300, (maxX - minX) / columns);
    double h = Math.max(1e-300, (maxY - minY) / rows);
    Set<Long> seen = new HashSet<>();
    List<OptimizationHistory.Point> out = new ArrayList<>();
    for (OptimizationHistory.Point p : points) {
      long cx = Math.min(columns, (long) ((p.trialNumber() - minX) / w));
      long cy = Math.min(rows, (long) ((y(p, logY) - minY) / h));
      if (seen.add(cx * (rows + 1) + cy)) out.add(p);
    }
    return out;
  }

  private static double y(OptimizationHistory.Point p, boolean log) {
    return log ? Math.log(p.value()) : p.value();
  }

  /**
   * The points inside the window {@code [minX, maxX] x [minY, maxY]} (what a zoomed chart shows),
   * thinned as {@link #thin} does but with the grid laid over the window: zooming in on a crowded
   * region brings back the points that were left out at full view, down to every single one once
   * the window holds no more than {@code limit}. Points outside the window are not drawn anyway. A
   * side may be infinite (that axis is not zoomed).
   */
  public static List<OptimizationHistory.Point> thinWithin(List<OptimizationHistory.Point> points, double minX,
      double maxX, double minY, double maxY, int columns, int rows, int limit) {
    return thinWithin(points, minX, maxX, minY, maxY, columns, rows, limit, false);
  }

  /** As {@link #thinWithin(List, double, double, double, double, int, int, int)}, on a log value axis when {@code logY}. */
  public static List<OptimizationHistory.Point> thinWithin(List<OptimizationHistory.Point> points, double minX,
      double maxX, double minY, double maxY, int columns, int rows, int limit, boolean logY) {
    List<OptimizationHistory.Point> inside = new ArrayList<>();
    for (OptimizationHistory.Point p : points) {
      if (p.trialNumber() >= minX && p.trialNumber() <= maxX && p.value() >= minY && p.value() <= maxY) inside.add(p);
    }
    // an unbounded side (an axis left at auto range) is gridded over the points themselves
    return thin(inside, columns, rows, limit, logY);
  }

  /** The history with its points thinned as {@link #thin} does; the best-so-far line is kept whole. */
  public static OptimizationHistory thin(OptimizationHistory h, int columns, int rows, int limit) {
    List<OptimizationHistory.Point> points = thin(h.points(), columns, rows, limit);
    if (points == h.points()) return h;
    return new OptimizationHistory(h.objective(), h.objectiveCount(), h.direction(), points, h.bestSoFar(),
        thin(h.infeasible(), columns, rows, limit), h.skipped());
  }
}
