package org.tunelab.app;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Switches a drawn chart's value (vertical) axis between linear and logarithmic, keeping its label,
 * fonts and colours, so a plot tab can offer a log scale without computing the figure again. Values
 * at or below 0 cannot be placed on a log axis; JFreeChart draws them at the bottom edge.
 */
final class LogScale {
  private LogScale() {}

  static void set(JFreeChart chart, boolean log) {
    if (!(chart.getPlot() instanceof XYPlot plot) || plot.getRangeAxis() == null) return;
    ValueAxis old = plot.getRangeAxis();
    if (log == old instanceof LogAxis) return;
    ValueAxis axis;
    if (log) {
      LogAxis l = new LogAxis(old.getLabel());
      l.setSmallestValue(1e-12);
      axis = l;
    } else {
      NumberAxis n = new NumberAxis(old.getLabel());
      n.setAutoRangeIncludesZero(false);
      axis = n;
    }
    axis.setLabelFont(old.getLabelFont());
    axis.setLabelPaint(old.getLabelPaint());
    axis.setTickLabelFont(old.getTickLabelFont());
    axis.setTickLabelPaint(old.getTickLabelPaint());
    axis.setAxisLinePaint(old.getAxisLinePaint());
    axis.setTickMarkPaint(old.getTickMarkPaint());
    axis.setLowerMargin(old.getLowerMargin());
    axis.setUpperMargin(old.getUpperMargin());
    plot.setRangeAxis(axis);
  }
}
