package org.tunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.tunelab.analysis.importance.ParamImportances;

/** Parameter importances as horizontal bars, the most important at the top, each labelled with its share. */
public final class ImportanceChart {
  private ImportanceChart() {}

  public static JFreeChart create(ParamImportances importances, ChartPalette p) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<ParamImportances.Entry> entries = importances.entries();
    for (ParamImportances.Entry e : entries) data.addValue(e.importance(), "Importance", e.param());
    CategoryAxis params = new CategoryAxis("Parameter");
    params.setCategoryMargin(0.25);
    NumberAxis share = new NumberAxis("Importance (" + importances.evaluator() + ", " + importances.trialCount()
        + " trials)");
    share.setRange(0, Math.min(1.0, entries.isEmpty() ? 1 : entries.get(0).importance() * 1.18 + 0.02));
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, p.points());
    bars.setMaximumBarWidth(0.08);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.000")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelPaint(p.text());
    bars.setDefaultItemLabelFont(Charts.TICK);
    // Horizontal bars: the value just right of the bar's end, on its centre line.
    bars.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
        org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
    bars.setItemLabelAnchorOffset(4);
    CategoryPlot plot = new CategoryPlot(data, params, share, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
    Charts.style(chart, p);
    return chart;
  }
}
