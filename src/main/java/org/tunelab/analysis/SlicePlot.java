package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * A slice plot: for each parameter, every completed trial's objective value against the value of
 * that parameter, coloured by trial number in the chart (Optuna's {@code plot_slice}).
 *
 * <pre>{@code
 * SlicePlot slice = SlicePlot.of(trials, 0, List.of());   // every parameter, sorted by name
 * slice.panels().get(0).axis().scale();                  // LOG, LINEAR or CATEGORICAL
 * }</pre>
 *
 * @param objective which objective is on the vertical axis
 * @param panels one per parameter, in name order
 */
public record SlicePlot(int objective, List<Panel> panels) {

  /** One parameter's panel. */
  public record Panel(ParamAxis axis, List<Point> points) {
    public Panel {
      points = List.copyOf(points);
    }
  }

  /** A trial at its parameter position (see {@link ParamAxis#position}) and objective value. */
  public record Point(int trialNumber, double x, double value) {}

  public SlicePlot {
    panels = List.copyOf(panels);
  }

  /**
   * The panels of {@code params} (every parameter when empty) over COMPLETE trials with a finite
   * value; a trial appears in the panels of the parameters it used.
   */
  public static SlicePlot of(List<FrozenTrial> trials, int objective, List<String> params) {
    List<FrozenTrial> complete = Targets.completeWithFinite(trials, objective);
    List<String> names = params.isEmpty() ? ParamAxis.paramNames(complete) : params;
    List<Panel> panels = new ArrayList<>();
    for (String name : names) {
      ParamAxis axis = ParamAxis.of(name, complete);
      List<Point> points = new ArrayList<>();
      for (FrozenTrial t : complete) {
        double x = axis.position(t);
        if (!Double.isNaN(x)) points.add(new Point(t.number(), x, t.values().get(objective)));
      }
      panels.add(new Panel(axis, points));
    }
    return new SlicePlot(objective, panels);
  }

  public boolean isEmpty() {
    return panels.stream().allMatch(p -> p.points().isEmpty());
  }
}
