package org.tunelab.chart;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.tunelab.analysis.Timeline;
import org.tunelab.trial.TrialState;

/** When trials ran: a horizontal bar per trial from start to end, coloured by state (infeasible apart). */
public final class TimelineChart {
  private TimelineChart() {}

  public static JFreeChart create(Timeline timeline, ChartPalette p) {
    if (timeline.isEmpty()) return Placeholder.chart("No trial has started yet", p);
    Map<TrialState, XYIntervalSeries> byState = new EnumMap<>(TrialState.class);
    XYIntervalSeries infeasible = new XYIntervalSeries("Infeasible", false, true);
    ZoneId zone = ZoneId.systemDefault();
    for (Timeline.Bar b : timeline.bars()) {
      double start = b.start().atZone(zone).toInstant().toEpochMilli();
      double end = Math.max(start + 1, b.end().atZone(zone).toInstant().toEpochMilli());
      XYIntervalSeries s = b.infeasible() ? infeasible
          : byState.computeIfAbsent(b.state(), st -> new XYIntervalSeries(label(st), false, true));
      s.add(b.trialNumber(), b.trialNumber() - 0.4, b.trialNumber() + 0.4, start, start, end);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer r = new XYBarRenderer();
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setUseYInterval(true);
    int s = 0;
    for (Map.Entry<TrialState, XYIntervalSeries> e : byState.entrySet()) {
      data.addSeries(e.getValue());
      r.setSeriesPaint(s++, color(e.getKey(), p));
    }
    if (infeasible.getItemCount() > 0) {
      data.addSeries(infeasible);
      r.setSeriesPaint(s, p.muted());
    }
    NumberAxis trials = Charts.valueAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setInverted(true);
    XYPlot plot = new XYPlot(data, trials, new DateAxis("Time"), r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
    Charts.legendOnTop(chart);
    Charts.style(chart, p);
    return chart;
  }

  private static String label(TrialState s) {
    return s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  static java.awt.Color color(TrialState s, ChartPalette p) {
    switch (s) {
      case COMPLETE: return p.points();
      case PRUNED: return p.series(3);
      case FAIL: return p.best();
      case RUNNING: return p.series(2);
      default: return p.muted();
    }
  }
}
