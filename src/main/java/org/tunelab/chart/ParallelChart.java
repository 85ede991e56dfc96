package org.tunelab.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.ParallelCoordinates;
import org.tunelab.analysis.ParamAxis;
import org.tunelab.trial.StudyDirection;

/**
 * Parallel coordinates: one vertical axis per dimension (objective first), each spanning its own
 * range (its ends are labelled), one line per trial coloured by objective value, the best trials
 * brightest and drawn last so they stay on top. Beyond {@value #MAX_LINES} trials the chart draws
 * the best tenth and an even sample of the rest, since more lines are only more ink.
 */
public final class ParallelChart {
  static final int MAX_LINES = 2000;

  private ParallelChart() {}

  public static JFreeChart create(ParallelCoordinates pc, StudyDirection direction, ChartPalette p) {
    if (pc.isEmpty()) return Placeholder.chart("No completed trial has every parameter", p);
    List<ParallelCoordinates.Line> lines = new ArrayList<>(pc.lines());
    // worst first, so the best lines are drawn on top
    lines.sort((a, b) -> direction == StudyDirection.MINIMIZE ? Double.compare(b.value(), a.value())
        : Double.compare(a.value(), b.value()));
    lines = thin(lines);
    ParallelCoordinates.Range vr = pc.ranges().get(0);
    ColorScale scale = new ColorScale(vr.min(), vr.max(), direction == StudyDirection.MINIMIZE);
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    int alpha = lines.size() > 500 ? 70 : 170;
    for (int s = 0; s < lines.size(); s++) {
      ParallelCoordinates.Line line = lines.get(s);
      XYSeries series = new XYSeries("#" + line.trialNumber() + "/" + s, false, true);
      for (int d = 0; d < line.normalized().length; d++) series.add(d, line.normalized()[d], false);
      data.addSeries(series);
      r.setSeriesPaint(s, ChartPalette.withAlpha(scale.color(line.value()), alpha));
      r.setSeriesStroke(s, new BasicStroke(1.2f));
    }
    String[] names = new String[pc.axes().size() + 1];
    names[0] = "Objective";
    for (int d = 0; d < pc.axes().size(); d++) names[d + 1] = pc.axes().get(d).name();
    SymbolAxis x = new SymbolAxis(null, names);
    x.setGridBandsVisible(false);
    x.setLowerMargin(0.02);
    x.setUpperMargin(0.02);
    NumberAxis y = new NumberAxis(null);
    y.setRange(-0.06, 1.06);
    y.setTickLabelsVisible(false);
    y.setTickMarksVisible(false);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setRangeGridlinesVisible(false);
    plot.setDomainGridlinePaint(p.axis());
    for (int d = 0; d < names.length; d++) annotateEnds(plot, pc, d, p);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
    chart.addSubtitle(Charts.colorBar(scale, "Objective value"));
    Charts.style(chart, p);
    plot.setDomainGridlinePaint(p.axis());
    return chart;
  }

  private static List<ParallelCoordinates.Line> thin(List<ParallelCoordinates.Line> sortedWorstFirst) {
    int n = sortedWorstFirst.size();
    if (n <= MAX_LINES) return sortedWorstFirst;
    int keepBest = MAX_LINES / 10;
    List<ParallelCoordinates.Line> out = new ArrayList<>();
    int rest = n - keepBest;
    int sample = MAX_LINES - keepBest;
    for (int k = 0; k < sample; k++) out.add(sortedWorstFirst.get((int) ((long) k * rest / sample)));
    out.addAll(sortedWorstFirst.subList(rest, n));
    return out;
  }

  /** Labels each axis's ends with its range (or a categorical axis with its choices). */
  private static void annotateEnds(XYPlot plot, ParallelCoordinates pc, int d, ChartPalette p) {
    ParallelCoordinates.Range range = pc.ranges().get(d);
    ParamAxis axis = d == 0 ? null : pc.axes().get(d - 1);
    Font font = Charts.TICK;
    if (axis != null && axis.isCategorical()) {
      for (int c = 0; c < axis.categories().size(); c++) {
        text(plot, axis.categories().get(c), d, range.normalize(c), font, p);
      }
      return;
    }
    boolean log = axis != null && axis.isLog();
    text(plot, Charts.compact(log ? Math.pow(10, range.min()) : range.min()), d, -0.035, font, p);
    text(plot, Charts.compact(log ? Math.pow(10, range.max()) : range.max()), d, 1.035, font, p);
  }

  private static void text(XYPlot plot, String s, double x, double y, Font font, ChartPalette p) {
    XYTextAnnotation a = new XYTextAnnotation(s, x, y);
    a.setFont(font);
    a.setPaint(p.text());
    a.setBackgroundPaint(ChartPalette.withAlpha(p.plot(), 200));
    a.setTextAnchor(TextAnchor.CENTER);
    plot.addAnnotation(a);
  }
}
