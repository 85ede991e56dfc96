package org.tunelab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.tunelab.analysis.ContourSurface;
import org.tunelab.analysis.ParamAxis;
import org.tunelab.trial.StudyDirection;

/**
 * A contour surface as a heat map of its interpolated grid, with the trials on top. A log parameter
 * is drawn in log10 coordinates (labelled with the values), so the grid's cells stay evenly sized.
 */
public final class ContourChart {
  private ContourChart() {}

  public static JFreeChart create(ContourSurface c, StudyDirection direction, String valueLabel, ChartPalette p) {
    if (c.isEmpty()) return Placeholder.chart("No completed trial has both " + c.x().name() + " and " + c.y().name(), p);
    int nx = c.xs().length;
    int ny = c.ys().length;
    double[] gx = new double[nx * ny];
    double[] gy = new double[nx * ny];
    double[] gz = new double[nx * ny];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        gx[k] = coord(c.x(), c.xs()[i]);
        gy[k] = coord(c.y(), c.ys()[j]);
        gz[k] = c.z()[j][i];
        min = Math.min(min, gz[k]);
        max = Math.max(max, gz[k]);
      }
    }
    DefaultXYZDataset grid = new DefaultXYZDataset();
    grid.addSeries("surface", new double[][] {gx, gy, gz});
    // the better end of the objective is bright, whichever the direction
    ColorScale scale = new ColorScale(min, max, direction == StudyDirection.MINIMIZE);
    XYBlockRenderer blocks = new XYBlockRenderer();
    blocks.setPaintScale(scale);
    blocks.setBlockWidth((gx[nx - 1] - gx[0]) / (nx - 1));
    blocks.setBlockHeight((gy[gy.length - 1] - gy[0]) / (ny - 1));
    blocks.setBlockAnchor(RectangleAnchor.CENTER);

    double[] px = new double[c.points().size()];
    double[] py = new double[px.length];
    int[] n = new int[px.length];
    for (int k = 0; k < px.length; k++) {
      ContourSurface.Point q = c.points().get(k);
      px[k] = coord(c.x(), q.x());
      py[k] = coord(c.y(), q.y());
      n[k] = q.trialNumber();
    }
    TrialXYDataset trials = new TrialXYDataset();
    trials.addSeries("Trials", px, py, null, n);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesShape(0, Charts.dot(px.length > 2000 ? 3 : 6));
    dots.setSeriesPaint(0, new Color(0, 0, 0, 150));
    dots.setSeriesOutlinePaint(0, new Color(255, 255, 255, 200));
    dots.setUseOutlinePaint(true);
    dots.setDrawOutlines(true);
    dots.setSeriesOutlineStroke(0, new BasicStroke(0.8f));

    XYPlot plot = new XYPlot(trials, axis(c.x(), gx[0], gx[nx - 1]), axis(c.y(), gy[0], gy[gy.length - 1]), dots);
    plot.setDataset(1, grid);
    plot.setRenderer(1, blocks);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(c.x().name() + " × " + c.y().name(), Charts.TITLE, plot, false);
    chart.addSubtitle(Charts.colorBar(scale, valueLabel));
    Charts.style(chart, p);
    return chart;
  }

  static double coord(ParamAxis axis, double v) {
    return axis.isLog() ? Math.log10(v) : v;
  }

  private static ValueAxis axis(ParamAxis a, double lo, double hi) {
    ValueAxis axis;
    if (a.isCategorical()) {
      axis = Charts.paramAxis(a);
    } else {
      NumberAxis n = Charts.valueAxis(a.name() + (a.isLog() ? " (log)" : ""));
      if (a.isLog()) n.setNumberFormatOverride(new Log10Format());
      axis = n;
    }
    axis.setRange(lo, hi);
    return axis;
  }
}
