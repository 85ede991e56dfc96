package org.tunelab.chart;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYShapeRenderer;

/** A scatter panel whose points are coloured by a value through a {@link ColorScale}. */
final class ScatterPanels {
  private ScatterPanels() {}

  /**
   * @param z the colour value of each point (trial number, rank); NaN draws in the palette's muted colour
   */
  static JFreeChart colored(String title, ValueAxis xAxis, ValueAxis yAxis, double[] x, double[] y, double[] z,
      int[] numbers, ColorScale scale, ChartPalette p, String colorLabel) {
    TrialXYDataset data = new TrialXYDataset();
    data.addSeries(title, x, y, z, numbers);
    XYShapeRenderer r = new XYShapeRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      protected java.awt.Paint getPaint(org.jfree.data.xy.XYDataset dataset, int series, int item) {
        double v = ((TrialXYDataset) dataset).getZValue(series, item);
        Color c = Double.isNaN(v) ? p.muted() : scale.color(v);
        return ChartPalette.withAlpha(c, x.length > 5000 ? 120 : 220);
      }
    };
    r.setDefaultShape(Charts.dot(x.length > 5000 ? 4 : 7));
    r.setDrawOutlines(false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
    if (colorLabel != null) chart.addSubtitle(Charts.colorBar(scale, colorLabel));
    Charts.style(chart, p);
    return chart;
  }
}
