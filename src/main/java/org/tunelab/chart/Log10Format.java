package org.tunelab.chart;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels for an axis whose coordinates are log10 of the values: the coordinate 3 reads
 * {@code 1000}, -4 reads {@code 1e-4}. Used where a chart needs log spacing with evenly sized
 * blocks or lines (contour grids, parallel coordinates), which JFreeChart's LogAxis cannot give.
 */
final class Log10Format extends NumberFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    return to.append(Charts.compact(Math.pow(10, number)));
  }

  @Override
  public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
    return format((double) number, to, pos);
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    Number n = new DecimalFormat().parse(source, pos);
    return n == null ? null : Math.log10(n.doubleValue());
  }
}
