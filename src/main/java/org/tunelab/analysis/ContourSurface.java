package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * A contour plot of the objective over two parameters, interpolated as Optuna's matplotlib backend
 * does: the axes are resampled on a {@value #GRID}-point grid over the observed range padded by 5 %
 * (in log10 space for a log parameter; categories at positions 0, 1, ...), each trial is snapped to
 * its nearest grid cell, and the empty cells are filled by solving the discrete Laplace equation
 * (each empty cell is the mean of its existing 4-neighbours), which is Plotly's {@code interp2d}.
 * Two deliberate refinements: snapping is done in the axis's drawing space (log10 for log axes, where
 * Optuna measures linear distance), and a cell hit by several trials keeps the best value for the
 * study's direction rather than the last one.
 *
 * <pre>{@code
 * ContourSurface c = ContourSurface.of(trials, "x", "y", 0, StudyDirection.MINIMIZE);
 * c.z()[j][i];   // interpolated value at (c.xs()[i], c.ys()[j])
 * }</pre>
 *
 * @param x the horizontal parameter
 * @param y the vertical parameter
 * @param xs grid positions along x, increasing (actual values, also on a log axis)
 * @param ys grid positions along y, increasing
 * @param z interpolated values, {@code z[j][i]} at {@code (xs[i], ys[j])}; empty when no trial has both
 * @param points the trials that used both parameters, at their positions
 */
public record ContourSurface(ParamAxis x, ParamAxis y, int objective, double[] xs, double[] ys, double[][] z,
    List<Point> points) {
  /** A trial at its positions on both axes, with its objective value. */
  public record Point(int trialNumber, double x, double y, double value) {}

  /** Grid points per axis, Optuna's {@code CONTOUR_POINT_NUM}. */
  public static final int GRID = 100;
  static final double PADDING_RATIO = 0.05;

  public ContourSurface {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    points = List.copyOf(points);
  }

  /** The surface of objective {@code objective} over parameters {@code xName} and {@code yName}. */
  public static ContourSurface of(List<FrozenTrial> trials, String xName, String yName, int objective,
      StudyDirection direction) {
    List<FrozenTrial> complete = Targets.completeWithFinite(trials, objective);
    ParamAxis xAxis = ParamAxis.of(xName, complete);
    ParamAxis yAxis = ParamAxis.of(yName, complete);
    List<Point> points = new ArrayList<>();
    for (FrozenTrial t : complete) {
      double px = xAxis.position(t);
      double py = yAxis.position(t);
      if (Double.isNaN(px) || Double.isNaN(py) || xAxis.isLog() && px <= 0 || yAxis.isLog() && py <= 0) continue;
      points.add(new Point(t.number(), px, py, t.values().get(objective)));
    }
    if (points.isEmpty()) return new ContourSurface(xAxis, yAxis, objective, new double[0], new double[0],
        new double[0][0], points);
    double[] xs = grid(xAxis, points.stream().mapToDouble(Point::x).toArray());
    double[] ys = grid(yAxis, points.stream().mapToDouble(Point::y).toArray());
    Double[][] known = new Double[GRID][GRID];
    for (Point p : points) {
      int i = nearest(xs, p.x(), xAxis.isLog());
      int j = nearest(ys, p.y(), yAxis.isLog());
      if (known[j][i] == null || direction.isBetter(p.value(), known[j][i])) known[j][i] = p.value();
    }
    return new ContourSurface(xAxis, yAxis, objective, xs, ys, LaplaceFill.fill(known), points);
  }

  /** The padded range, resampled: linspace, logspace, or over category positions. */
  static double[] grid(ParamAxis axis, double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double lo;
    double hi;
    if (axis.isCategorical()) {
      // Optuna pads over the categories present: span = distinct positions - 1
      long distinct = java.util.Arrays.stream(values).distinct().count();
      double pad = (distinct - 1) * PADDING_RATIO;
      lo = -pad;
      hi = Math.max(distinct - 1, axis.categories().size() - 1) + pad;
    } else if (axis.isLog()) {
      double pad = (Math.log10(max) - Math.log10(min)) * PADDING_RATIO;
      lo = Math.log10(min) - pad;
      hi = Math.log10(max) + pad;
    } else {
      double pad = (max - min) * PADDING_RATIO;
      lo = min - pad;
      hi = max + pad;
    }
    if (hi == lo) {
      // a single observed value: a unit-wide band keeps the grid non-degenerate
      lo -= 0.5;
      hi += 0.5;
    }
    double[] g = new double[GRID];
    for (int k = 0; k < GRID; k++) {
      double t = lo + (hi - lo) * k / (GRID - 1);
      g[k] = axis.isLog() ? Math.pow(10, t) : t;
    }
    return g;
  }

  private static int nearest(double[] grid, double v, boolean log) {
    double target = log ? Math.log10(v) : v;
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k < grid.length; k++) {
      double d = Math.abs((log ? Math.log10(grid[k]) : grid[k]) - target);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }
}
