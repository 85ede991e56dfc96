package org.tunelab.chart;

import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.EmpiricalDistribution;

/** The empirical distribution function of the objective, one step line per study. */
public final class EdfChart {
  private EdfChart() {}

  public static JFreeChart create(EmpiricalDistribution edf, ChartPalette p) {
    if (edf.isEmpty()) return Placeholder.chart("No completed trials yet", p);
    XYSeriesCollection data = new XYSeriesCollection();
    XYStepRenderer r = new XYStepRenderer();
    int s = 0;
    for (EmpiricalDistribution.Curve c : edf.curves()) {
      XYSeries series = new XYSeries(c.study() + " (" + c.trialCount() + " trials)", true, true);
      for (int k = 0; k < edf.xs().length; k++) series.add(edf.xs()[k], c.fractions()[k], false);
      data.addSeries(series);
      r.setSeriesPaint(s, p.series(s));
      r.setSeriesStroke(s, new BasicStroke(2f));
      s++;
    }
    NumberAxis fraction = new NumberAxis("Cumulative probability");
    fraction.setRange(0, 1.02);
    XYPlot plot = new XYPlot(data, Charts.valueAxis("Objective value"), fraction, r);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
    Charts.legendOnTop(chart);
    Charts.style(chart, p);
    return chart;
  }
}
