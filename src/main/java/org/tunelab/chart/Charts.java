package org.tunelab.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.tunelab.analysis.ParamAxis;

/** What every chart builder shares: axes for parameters, a point shape, and applying a palette. */
public final class Charts {
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private Charts() {}

  /** A filled circle of diameter {@code d}, centred. */
  static Ellipse2D dot(double d) {
    return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
  }

  /** An axis for a parameter: logarithmic, categorical (labelled positions) or plain. */
  static ValueAxis paramAxis(ParamAxis axis) {
    if (axis.isCategorical()) {
      SymbolAxis a = new SymbolAxis(axis.name(), axis.categories().toArray(new String[0]));
      a.setGridBandsVisible(false);
      return a;
    }
    if (axis.isLog()) {
      LogAxis a = new LogAxis(axis.name());
      a.setBase(10);
      a.setSmallestValue(1e-300);
      a.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
      return a;
    }
    return valueAxis(axis.name());
  }

  /** A numeric axis that does not force zero into its range. */
  static NumberAxis valueAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(false);
    a.setAutoRangeStickyZero(false);
    return a;
  }

  /** A number in a few characters: 0.0123, 1.5e-05, 12345. */
  static String compact(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    return String.format(Locale.ROOT, "%.2e", v).replaceAll("\\.?0+e", "e");
  }

  /** Gives a chart the palette's colours and the app's fonts; series colours are the builder's business. */
  public static void style(JFreeChart chart, ChartPalette p) {
    chart.setBackgroundPaint(p.background());
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    if (chart.getTitle() != null) {
      chart.getTitle().setPaint(p.text());
      chart.getTitle().setFont(TITLE);
    }
    for (Object o : chart.getSubtitles()) styleTitle((Title) o, p);
    Plot plot = chart.getPlot();
    stylePlot(plot, p);
    if (plot instanceof org.jfree.chart.plot.CombinedRangeXYPlot c) {
      for (Object sub : c.getSubplots()) stylePlot((Plot) sub, p);
    }
  }

  private static void styleTitle(Title t, ChartPalette p) {
    if (t instanceof LegendTitle legend) {
      legend.setBackgroundPaint(p.background());
      legend.setItemPaint(p.text());
      legend.setFrame(new BlockBorder(p.background()));
      legend.setItemFont(LABEL);
    } else if (t instanceof PaintScaleLegend psl) {
      psl.setBackgroundPaint(p.background());
      styleAxis(psl.getAxis(), p);
    } else if (t instanceof TextTitle tt) {
      tt.setPaint(p.text());
    }
  }

  private static void stylePlot(Plot plot, ChartPalette p) {
    plot.setBackgroundPaint(p.plot());
    plot.setOutlinePaint(p.grid());
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(p.grid());
      xy.setRangeGridlinePaint(p.grid());
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
      for (int i = 0; i < xy.getDomainAxisCount(); i++) styleAxis(xy.getDomainAxis(i), p);
      for (int i = 0; i < xy.getRangeAxisCount(); i++) styleAxis(xy.getRangeAxis(i), p);
    } else if (plot instanceof CategoryPlot cp) {
      cp.setRangeGridlinePaint(p.grid());
      cp.setRangeGridlineStroke(new BasicStroke(1f));
      styleAxis(cp.getDomainAxis(), p);
      styleAxis(cp.getRangeAxis(), p);
    }
  }

  static void styleAxis(Axis axis, ChartPalette p) {
    if (axis == null) return;
    axis.setLabelPaint(p.text());
    axis.setTickLabelPaint(p.text());
    axis.setAxisLinePaint(p.axis());
    axis.setTickMarkPaint(p.axis());
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }

  /** A legend at the top, which leaves the plot its full width. */
  static void legendOnTop(JFreeChart chart) {
    LegendTitle legend = chart.getLegend();
    if (legend == null) return;
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
  }

  /** A colour bar on the right for a {@link ColorScale}. */
  static PaintScaleLegend colorBar(ColorScale scale, String label) {
    NumberAxis axis = valueAxis(label);
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(6, 6, 6, 6));
    legend.setStripWidth(12);
    legend.setAxisOffset(4);
    return legend;
  }
}
