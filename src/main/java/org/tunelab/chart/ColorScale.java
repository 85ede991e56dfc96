package org.tunelab.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour map over [lower, upper] (viridis-like: dark blue, teal, green, yellow), for
 * contour surfaces and for colouring points by trial number or rank. Readable on light and dark
 * backgrounds, and for the common forms of colour blindness.
 */
public final class ColorScale implements PaintScale {
  private static final Color[] STOPS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
      new Color(0x5ec962), new Color(0xfde725)};
  private final double lower;
  private final double upper;
  private final boolean reversed;

  /** @param reversed whether lower values get the bright end (so the best, lowest values stand out) */
  public ColorScale(double lower, double upper, boolean reversed) {
    this.lower = lower;
    this.upper = upper > lower ? upper : lower + 1;
    this.reversed = reversed;
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return color(value);
  }

  public Color color(double value) {
    double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
    if (reversed) t = 1 - t;
    double pos = t * (STOPS.length - 1);
    int i = Math.min(STOPS.length - 2, (int) pos);
    double f = pos - i;
    Color a = STOPS[i];
    Color b = STOPS[i + 1];
    return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }
}
