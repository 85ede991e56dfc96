package org.tunelab.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tunelab.analysis.SlicePlot;

/** One scatter panel per parameter: objective value against the parameter, coloured by trial number. */
public final class SliceChart {
  private SliceChart() {}

  public static Figure create(SlicePlot slice, String valueLabel, ChartPalette p) {
    int maxTrial = slice.panels().stream().flatMap(q -> q.points().stream()).mapToInt(SlicePlot.Point::trialNumber)
        .max().orElse(1);
    ColorScale scale = new ColorScale(0, maxTrial, false);
    List<JFreeChart> panels = new ArrayList<>();
    for (SlicePlot.Panel panel : slice.panels()) panels.add(panel(panel, valueLabel, scale, p));
    if (panels.isEmpty()) panels.add(Placeholder.chart("No parameters to show", p));
    int columns = Math.min(3, panels.size());
    return new Figure("Slice", panels, columns, p);
  }

  /** The panel of one parameter, for the app, which shows one at a time. */
  public static JFreeChart panel(SlicePlot.Panel panel, String valueLabel, ColorScale scale, ChartPalette p) {
    List<SlicePlot.Point> pts = panel.points();
    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    double[] z = new double[pts.size()];
    int[] n = new int[pts.size()];
    for (int k = 0; k < pts.size(); k++) {
      x[k] = pts.get(k).x();
      y[k] = pts.get(k).value();
      z[k] = pts.get(k).trialNumber();
      n[k] = pts.get(k).trialNumber();
    }
    return ScatterPanels.colored(panel.axis().name(), Charts.paramAxis(panel.axis()), Charts.valueAxis(valueLabel),
        x, y, z, n, scale, p, null);
  }
}
