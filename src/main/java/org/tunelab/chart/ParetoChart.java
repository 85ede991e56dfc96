package org.tunelab.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.analysis.ParetoFront;

/**
 * The Pareto front: trials on the front in the accent colour, dominated ones muted, infeasible ones
 * grey; for three objectives the three pairs side by side; and the hypervolume history.
 */
public final class ParetoChart {
  private ParetoChart() {}

  public static Figure create(ParetoFront front, ChartPalette p) {
    List<JFreeChart> panels = new ArrayList<>();
    if (front.dimensions() == 2) {
      panels.add(pair(front, 0, 1, p));
    } else {
      panels.add(pair(front, 0, 1, p));
      panels.add(pair(front, 0, 2, p));
      panels.add(pair(front, 1, 2, p));
    }
    panels.add(hypervolume(front, p));
    return new Figure("Pareto front", panels, 2, p);
  }

  /** The trials by objectives {@code a} (x) and {@code b} (y). */
  public static JFreeChart pair(ParetoFront front, int a, int b, ChartPalette p) {
    TrialXYDataset data = new TrialXYDataset();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    int s = 0;
    for (ParetoFront.Category c : List.of(ParetoFront.Category.DOMINATED, ParetoFront.Category.INFEASIBLE,
        ParetoFront.Category.BEST)) {
      List<ParetoFront.Point> pts = front.points().stream().filter(q -> q.category() == c).toList();
      if (pts.isEmpty()) continue;
      double[] x = new double[pts.size()];
      double[] y = new double[pts.size()];
      int[] n = new int[pts.size()];
      for (int k = 0; k < pts.size(); k++) {
        x[k] = pts.get(k).values()[a];
        y[k] = pts.get(k).values()[b];
        n[k] = pts.get(k).trialNumber();
      }
      String label = c == ParetoFront.Category.BEST ? "Pareto front" : c == ParetoFront.Category.DOMINATED ? "Dominated" : "Infeasible";
      data.addSeries(label, x, y, null, n);
      r.setSeriesShape(s, Charts.dot(c == ParetoFront.Category.BEST ? 8 : 6));
      r.setSeriesPaint(s, c == ParetoFront.Category.BEST ? p.best()
          : c == ParetoFront.Category.DOMINATED ? ChartPalette.withAlpha(p.points(), 140) : p.muted());
      s++;
    }
    XYPlot plot = new XYPlot(data, Charts.valueAxis(label(front, a)), Charts.valueAxis(label(front, b)), r);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
    Charts.legendOnTop(chart);
    Charts.style(chart, p);
    return chart;
  }

  /** The hypervolume after each feasible trial, as a step line. */
  public static JFreeChart hypervolume(ParetoFront front, ChartPalette p) {
    XYSeries hv = new XYSeries("Hypervolume", true, true);
    for (OptimizationHistory.Point q : front.hypervolume()) hv.add(q.trialNumber(), q.value(), false);
    XYStepRenderer r = new XYStepRenderer();
    r.setSeriesPaint(0, p.points());
    r.setSeriesStroke(0, new BasicStroke(2f));
    NumberAxis trials = Charts.valueAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    StringBuilder ref = new StringBuilder();
    for (double v : front.reference()) ref.append(ref.length() == 0 ? "" : ", ").append(Charts.compact(v));
    XYPlot plot = new XYPlot(new XYSeriesCollection(hv), trials, Charts.valueAxis("Hypervolume (reference " + ref + ")"), r);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
    Charts.style(chart, p);
    return chart;
  }

  private static String label(ParetoFront f, int objective) {
    return "Objective " + objective + " (" + f.directions().get(objective).name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
