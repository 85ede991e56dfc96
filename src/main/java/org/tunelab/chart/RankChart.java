package org.tunelab.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tunelab.analysis.ParamAxis;
import org.tunelab.analysis.RankPlot;

/**
 * The rank plot: for each pair of parameters, the trials placed by the two and coloured by the rank
 * of their value (bright = best); infeasible trials grey. One parameter: parameter against value.
 * At most {@value #MAX_PARAMS} parameters are paired in one figure, since the panels grow
 * quadratically; choose the parameters to see others.
 */
public final class RankChart {
  static final int MAX_PARAMS = 4;

  private RankChart() {}

  public static Figure create(RankPlot rank, boolean minimize, ChartPalette p) {
    List<JFreeChart> panels = new ArrayList<>();
    int n = Math.min(MAX_PARAMS, rank.axes().size());
    if (n == 0 || rank.isEmpty()) {
      panels.add(Placeholder.chart("No completed trials with parameters yet", p));
    } else if (n == 1) {
      panels.add(pair(rank, 0, -1, minimize, p));
    } else {
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) panels.add(pair(rank, a, b, minimize, p));
      }
    }
    return new Figure("Rank", panels, Math.min(3, panels.size()), p);
  }

  /** Parameter {@code a} (x) against {@code b} (y), or against the value when {@code b < 0}. */
  public static JFreeChart pair(RankPlot rank, int a, int b, boolean minimize, ChartPalette p) {
    List<RankPlot.Entry> shown = rank.entries().stream()
        .filter(e -> !Double.isNaN(e.positions()[a]) && (b < 0 || !Double.isNaN(e.positions()[b]))).toList();
    double[] x = new double[shown.size()];
    double[] y = new double[shown.size()];
    double[] z = new double[shown.size()];
    int[] n = new int[shown.size()];
    for (int k = 0; k < shown.size(); k++) {
      RankPlot.Entry e = shown.get(k);
      x[k] = e.positions()[a];
      y[k] = b < 0 ? e.value() : e.positions()[b];
      z[k] = e.feasible() ? e.rank() : Double.NaN;
      n[k] = e.trialNumber();
    }
    ParamAxis ax = rank.axes().get(a);
    String title = b < 0 ? ax.name() : ax.name() + " × " + rank.axes().get(b).name();
    return ScatterPanels.colored(title, Charts.paramAxis(ax),
        b < 0 ? Charts.valueAxis("Objective value") : Charts.paramAxis(rank.axes().get(b)), x, y, z, n,
        new ColorScale(0, 1, minimize), p, "Rank");
  }
}
