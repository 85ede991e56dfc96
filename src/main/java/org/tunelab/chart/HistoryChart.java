package org.tunelab.chart;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.OptimizationHistory;

/**
 * The optimization history: trial values as points, the best value so far as a step line, infeasible
 * trials in grey; with several studies, one colour per study. Dataset 0 holds the points (one series
 * per study, then infeasible), dataset 1 the best-so-far lines.
 */
public final class HistoryChart {
  private HistoryChart() {}

  /** The chart of one or more studies' histories, keyed by study name in drawing order. */
  public static JFreeChart create(Map<String, OptimizationHistory> histories, ChartPalette p) {
    boolean several = histories.size() > 1;
    TrialXYDataset points = new TrialXYDataset();
    XYSeriesCollection best = new XYSeriesCollection();
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    XYStepRenderer lines = new XYStepRenderer();
    int s = 0;
    int total = 0;
    OptimizationHistory any = null;
    for (Map.Entry<String, OptimizationHistory> e : histories.entrySet()) {
      // a dot per screen cell is all a chart can show; the line and the extremes stay exact
      OptimizationHistory h = org.tunelab.analysis.Downsampling.thin(e.getValue(), 600, 300, 20_000);
      any = h;
      String name = several ? e.getKey() : "Objective value";
      add(points, name, h.points());
      dots.setSeriesPaint(s, ChartPalette.withAlpha(several ? p.series(s) : p.points(), 170));
      dots.setSeriesShape(s, Charts.dot(h.points().size() > 5000 ? 4 : 7));
      XYSeries b = new XYSeries(several ? e.getKey() + " best" : "Best value", true, true);
      List<OptimizationHistory.Point> bs = h.bestSoFar();
      for (int k = 0; k < bs.size(); k++) {
        // a step line needs only the steps (and the end); 100,000 flat segments draw the same line slower
        if (k == 0 || k == bs.size() - 1 || bs.get(k).value() != bs.get(k - 1).value()) b.add(bs.get(k).trialNumber(), bs.get(k).value(), false);
      }
      best.addSeries(b);
      lines.setSeriesPaint(s, several ? p.series(s).darker() : p.best());
      lines.setSeriesStroke(s, new BasicStroke(2f));
      lines.setSeriesShapesVisible(s, false);
      total += h.points().size();
      s++;
    }
    List<OptimizationHistory.Point> infeasible = histories.values().stream().flatMap(h -> h.infeasible().stream()).toList();
    if (!infeasible.isEmpty()) {
      add(points, "Infeasible", infeasible);
      dots.setSeriesPaint(s, p.muted());
      dots.setSeriesShape(s, Charts.dot(total > 5000 ? 4 : 7));
    }
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    trials.setAutoRangeStickyZero(false);
    trials.setLowerMargin(0.02);
    trials.setUpperMargin(0.02);
    String label = any != null && any.objectiveCount() > 1 ? "Objective " + any.objective() : "Objective value";
    NumberAxis values = Charts.valueAxis(label);
    values.setLowerMargin(0.06);
    XYPlot plot = new XYPlot(points, trials, values, dots);
    plot.setDataset(1, best);
    plot.setRenderer(1, lines);
    // the best-so-far lines over the points: under 100,000 dots they would be hidden
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
    Charts.legendOnTop(chart);
    Charts.style(chart, p);
    return chart;
  }

  private static void add(TrialXYDataset d, String name, List<OptimizationHistory.Point> pts) {
    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    int[] n = new int[pts.size()];
    for (int k = 0; k < pts.size(); k++) {
      x[k] = pts.get(k).trialNumber();
      y[k] = pts.get(k).value();
      n[k] = pts.get(k).trialNumber();
    }
    d.addSeries(name, x, y, null, n);
  }
}
