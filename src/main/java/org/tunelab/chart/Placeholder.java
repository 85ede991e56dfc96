package org.tunelab.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/** An empty chart that says why there is nothing to draw, rather than an empty frame. */
public final class Placeholder {
  private Placeholder() {}

  public static JFreeChart chart(String message, ChartPalette p) {
    XYPlot plot = new XYPlot(new XYSeriesCollection(), Charts.valueAxis(""), Charts.valueAxis(""), null);
    plot.setNoDataMessage(message);
    plot.setNoDataMessagePaint(p.text());
    plot.setNoDataMessageFont(Charts.LABEL);
    plot.getDomainAxis().setVisible(false);
    plot.getRangeAxis().setVisible(false);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
    Charts.style(chart, p);
    plot.setOutlineVisible(false);
    return chart;
  }
}
