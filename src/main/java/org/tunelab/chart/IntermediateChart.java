package org.tunelab.chart;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.IntermediateValues;
import org.tunelab.trial.TrialState;

/**
 * Learning curves, one line per trial: completed trials in the accent colour, pruned ones muted,
 * running ones in the best-value colour. Beyond {@value #MAX_CURVES} trials only the most recent are
 * drawn, and the chart says so, because thousands of overlapping lines show nothing more.
 */
public final class IntermediateChart {
  static final int MAX_CURVES = 1000;

  private IntermediateChart() {}

  public static JFreeChart create(IntermediateValues values, ChartPalette p) {
    if (values.isEmpty()) return Placeholder.chart("No trial reported intermediate values", p);
    List<IntermediateValues.Curve> curves = values.curves();
    int from = Math.max(0, curves.size() - MAX_CURVES);
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, curves.size() - from <= 60);
    int s = 0;
    for (IntermediateValues.Curve c : curves.subList(from, curves.size())) {
      XYSeries series = new XYSeries("Trial " + c.trialNumber(), true, true);
      for (IntermediateValues.Step step : c.points()) series.add(step.step(), step.value(), false);
      data.addSeries(series);
      java.awt.Color color = c.state() == TrialState.COMPLETE ? p.points()
          : c.state() == TrialState.PRUNED ? p.muted() : p.best();
      r.setSeriesPaint(s, ChartPalette.withAlpha(color, curves.size() > 200 ? 90 : 200));
      r.setSeriesStroke(s, new BasicStroke(1.4f));
      r.setSeriesShape(s, Charts.dot(5));
      r.setSeriesVisibleInLegend(s, false);
      s++;
    }
    NumberAxis steps = Charts.valueAxis("Step");
    steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, steps, Charts.valueAxis("Intermediate value"), r);
    String title = from > 0 ? "Latest " + MAX_CURVES + " of " + curves.size() + " trials" : null;
    JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
    Charts.style(chart, p);
    return chart;
  }
}
