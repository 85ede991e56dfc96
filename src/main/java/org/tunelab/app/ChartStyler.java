package org.tunelab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Gives JFreeChart charts the colours of the app's theme. JFreeChart draws with AWT and ignores CSS,
 * so each theme's palette is repeated here; keep it in step with {@code light.css} and {@code dark.css}.
 */
final class ChartStyler {

  /** A theme's chart colours. */
  record Palette(Color background, Color plot, Color grid, Color text, Color axis, Color points, Color best) {}

  static final Palette LIGHT = new Palette(new Color(0xffffff), new Color(0xffffff), new Color(0xe3e6ea),
      new Color(0x24292f), new Color(0x8c959f), new Color(0x2f81f7, false), new Color(0xd1242f));
  static final Palette DARK = new Palette(new Color(0x1e2228), new Color(0x1e2228), new Color(0x343b45),
      new Color(0xd7dce2), new Color(0x6e7681), new Color(0x58a6ff), new Color(0xff7b72));

  private ChartStyler() {}

  static Palette palette(Theme theme) {
    return theme == Theme.DARK ? DARK : LIGHT;
  }

  static void apply(JFreeChart chart, Theme theme) {
    Palette p = palette(theme);
    chart.setBackgroundPaint(p.background());
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    if (chart.getTitle() != null) {
      chart.getTitle().setPaint(p.text());
      chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(p.background());
      legend.setItemPaint(p.text());
      legend.setFrame(new org.jfree.chart.block.BlockBorder(p.background()));
      legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(p.plot());
    plot.setOutlinePaint(p.grid());
    plot.setDomainGridlinePaint(p.grid());
    plot.setRangeGridlinePaint(p.grid());
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    styleAxis(plot.getDomainAxis(), p);
    styleAxis(plot.getRangeAxis(), p);
    plot.getRenderer(0).setSeriesPaint(0, withAlpha(p.points(), 190));
    plot.getRenderer(1).setSeriesPaint(0, p.best());
    plot.getRenderer(1).setSeriesStroke(0, new BasicStroke(2f));
  }

  private static void styleAxis(ValueAxis axis, Palette p) {
    axis.setLabelPaint(p.text());
    axis.setTickLabelPaint(p.text());
    axis.setAxisLinePaint(p.axis());
    axis.setTickMarkPaint(p.axis());
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
