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

  /**
   * A base-10 log axis with ticks at whole powers of ten (1, 10, 100 rather than 10^2.2), labelled
   * as plain numbers where they are short.
   */
  static LogAxis logAxis(String label) {
    LogAxis l = new LogAxis(label);
    l.setBase(10);
    l.setSmallestValue(1e-300);
    org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
    for (double step : new double[] {1, 2, 5, 10, 20, 50}) units.add(new org.jfree.chart.axis.NumberTickUnit(step));
    l.setStandardTickUnits(units);
    l.setNumberFormatOverride(new java.text.NumberFormat() {
      private static final long serialVersionUID = 1L;
      private final java.text.DecimalFormat plain = new java.text.DecimalFormat("0.####",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
      private final java.text.DecimalFormat sci = new java.text.DecimalFormat("0.##E0",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

      @Override
      public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
        double a = Math.abs(v);
        return (a >= 1e-4 && a < 1e6 ? plain : sci).format(v, to, pos);
      }

      @Override
      public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
        return format((double) v, to, pos);
      }

      @Override
      public Number parse(String source, java.text.ParsePosition pos) {
        return plain.parse(source, pos);
      }
    });
    return l;
  }

  static void set(JFreeChart chart, boolean log) {
    if (!(chart.getPlot() instanceof XYPlot plot) || plot.getRangeAxis() == null) return;
    ValueAxis old = plot.getRangeAxis();
    if (log == old instanceof LogAxis) return;
    ValueAxis axis;
    if (log) {
      axis = logAxis(old.getLabel());
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
