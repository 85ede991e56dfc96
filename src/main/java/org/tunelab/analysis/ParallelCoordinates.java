package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * A parallel coordinates plot: the objective and each parameter (sorted by name) as vertical axes,
 * one line per completed trial that used every shown parameter (Optuna's
 * {@code plot_parallel_coordinate}). Log parameters are placed by log10, categoricals by choice
 * position; each axis is also given normalized to [0, 1] so a chart can draw them side by side.
 *
 * <pre>{@code
 * ParallelCoordinates pc = ParallelCoordinates.of(trials, 0, List.of());
 * pc.lines().get(0).normalized();   // objective first, then parameters, each in [0, 1]
 * }</pre>
 *
 * @param axes the parameter axes, after the objective
 * @param ranges per dimension (objective first): min and max of the plotted coordinate
 * @param lines one per trial
 */
public record ParallelCoordinates(int objective, List<ParamAxis> axes, List<Range> ranges, List<Line> lines) {

  /** The coordinate span of one dimension; {@code min == max} when every trial shares the value. */
  public record Range(double min, double max) {
    /** {@code v} mapped to [0, 1]; 0.5 for a span of one value. */
    public double normalize(double v) {
      return max == min ? 0.5 : (v - min) / (max - min);
    }
  }

  /**
   * One trial: {@code coordinates} are the objective value and the parameters' coordinates (log10 for
   * log axes), {@code normalized} the same mapped to [0, 1].
   */
  public record Line(int trialNumber, double value, double[] coordinates, double[] normalized) {}

  public ParallelCoordinates {
    axes = List.copyOf(axes);
    ranges = List.copyOf(ranges);
    lines = List.copyOf(lines);
  }

  public static ParallelCoordinates of(List<FrozenTrial> trials, int objective, List<String> params) {
    List<FrozenTrial> complete = Targets.completeWithFinite(trials, objective);
    List<String> names = params.isEmpty() ? ParamAxis.paramNames(complete) : params;
    List<ParamAxis> axes = new ArrayList<>();
    for (String name : names) axes.add(ParamAxis.of(name, complete));
    int dims = axes.size() + 1;
    List<double[]> rows = new ArrayList<>();
    List<FrozenTrial> shown = new ArrayList<>();
    for (FrozenTrial t : complete) {
      double[] c = new double[dims];
      c[0] = t.values().get(objective);
      boolean all = true;
      for (int d = 1; d < dims && all; d++) {
        ParamAxis a = axes.get(d - 1);
        double p = a.position(t);
        if (a.isLog()) p = p > 0 ? Math.log10(p) : Double.NaN;
        c[d] = p;
        all = !Double.isNaN(p) && !(a.isCategorical() && p < 0);
      }
      if (all) {
        rows.add(c);
        shown.add(t);
      }
    }
    List<Range> ranges = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] c : rows) {
        min = Math.min(min, c[d]);
        max = Math.max(max, c[d]);
      }
      if (d > 0 && axes.get(d - 1).isCategorical()) {
        // every choice keeps its place, used or not
        min = 0;
        max = Math.max(max, axes.get(d - 1).categories().size() - 1);
      }
      ranges.add(rows.isEmpty() ? new Range(0, 1) : new Range(min, max));
    }
    List<Line> lines = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      double[] c = rows.get(k);
      double[] n = new double[dims];
      for (int d = 0; d < dims; d++) n[d] = ranges.get(d).normalize(c[d]);
      lines.add(new Line(shown.get(k).number(), c[0], c, n));
    }
    return new ParallelCoordinates(objective, axes, ranges, lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
