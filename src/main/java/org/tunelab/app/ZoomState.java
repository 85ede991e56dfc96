package org.tunelab.app;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/** Keeps a zoom across a chart rebuilt by a live update: a user's range survives, auto range stays auto. */
final class ZoomState {
  private ZoomState() {}

  static void carryOver(JFreeChart from, JFreeChart to) {
    if (from == null || to == null) return;
    if (!(from.getPlot() instanceof XYPlot a) || !(to.getPlot() instanceof XYPlot b)) return;
    copy(a.getDomainAxis(), b.getDomainAxis());
    copy(a.getRangeAxis(), b.getRangeAxis());
  }

  private static void copy(ValueAxis from, ValueAxis to) {
    if (from == null || to == null || from.isAutoRange() || !from.getClass().equals(to.getClass())) return;
    if (!java.util.Objects.equals(from.getLabel(), to.getLabel())) return; // another parameter: its own range
    to.setRange(from.getRange(), false, false);
  }
}
