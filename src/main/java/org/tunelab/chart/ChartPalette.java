package org.tunelab.chart;

import java.awt.Color;

/**
 * The colours charts are drawn with, one palette per app theme. JFreeChart draws with AWT and
 * ignores CSS, so each theme's colours are repeated here; keep them in step with the app's
 * {@code light.css} and {@code dark.css}.
 *
 * @param series colours for successive series (studies, categories), readable on {@code plot}
 */
public record ChartPalette(Color background, Color plot, Color grid, Color text, Color axis, Color points,
    Color best, Color muted, Color[] series) {

  public static final ChartPalette LIGHT = new ChartPalette(new Color(0xffffff), new Color(0xffffff),
      new Color(0xe3e6ea), new Color(0x24292f), new Color(0x8c959f), new Color(0x2f81f7), new Color(0xd1242f),
      new Color(0xb6bcc4), new Color[] {new Color(0x2f81f7), new Color(0xd1242f), new Color(0x1a7f37),
          new Color(0x9a6700), new Color(0x8250df), new Color(0xbf3989), new Color(0x0e7c86)});
  public static final ChartPalette DARK = new ChartPalette(new Color(0x1e2228), new Color(0x1e2228),
      new Color(0x343b45), new Color(0xd7dce2), new Color(0x6e7681), new Color(0x58a6ff), new Color(0xff7b72),
      new Color(0x59616c), new Color[] {new Color(0x58a6ff), new Color(0xff7b72), new Color(0x56d364),
          new Color(0xe3b341), new Color(0xbc8cff), new Color(0xf778ba), new Color(0x39c5cf)});

  public Color series(int k) {
    return series[Math.floorMod(k, series.length)];
  }

  public boolean isDark() {
    return background.getRed() + background.getGreen() + background.getBlue() < 3 * 128;
  }

  /** {@code c} with an alpha, for dense scatter plots where overlapping points should show density. */
  public static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
