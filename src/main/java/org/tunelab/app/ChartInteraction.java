package org.tunelab.app;

import java.util.Map;
import java.util.function.IntConsumer;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.tunelab.chart.TrialXYDataset;
import org.tunelab.trial.FrozenTrial;

/**
 * What the mouse does on a plot: hovering a point shows the trial's number, value and parameters;
 * clicking it selects the trial in the table; dragging zooms, Ctrl-drag pans, the wheel zooms. Above
 * {@value #MAX_INTERACTIVE_ITEMS} points per chart the hover and click entities are not collected,
 * since collecting one entity per point on every repaint is what makes big scatter plots sluggish.
 */
final class ChartInteraction {
  static final int MAX_INTERACTIVE_ITEMS = 20_000;

  private ChartInteraction() {}

  /** Installs the click handler once per viewer. */
  static void onTrialClicked(ChartViewer viewer, IntConsumer select) {
    viewer.addChartMouseListener(new ChartMouseListenerFX() {
      @Override
      public void chartMouseClicked(ChartMouseEventFX event) {
        if (event.getEntity() instanceof XYItemEntity item && item.getDataset() instanceof TrialXYDataset d) {
          select.accept(d.trialNumber(item.getSeriesIndex(), item.getItem()));
        }
      }

      @Override
      public void chartMouseMoved(ChartMouseEventFX event) {
        // tooltips come from the renderers' generators
      }
    });
  }

  /** Prepares a freshly built chart for the viewer: tooltips, panning, entity collection by size. */
  static void prepare(ChartViewer viewer, JFreeChart chart, Map<Integer, FrozenTrial> trialsByNumber) {
    int items = 0;
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setDomainPannable(true);
      plot.setRangePannable(true);
      for (int i = 0; i < plot.getDatasetCount(); i++) {
        XYDataset d = plot.getDataset(i);
        if (d == null) continue;
        for (int s = 0; s < d.getSeriesCount(); s++) items += d.getItemCount(s);
        XYItemRenderer r = plot.getRenderer(i);
        if (r != null && d instanceof TrialXYDataset) {
          r.setDefaultToolTipGenerator((dataset, series, item) -> tooltip((TrialXYDataset) dataset, series, item, trialsByNumber));
        }
      }
    }
    ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
    info.setEntityCollection(items <= MAX_INTERACTIVE_ITEMS ? new StandardEntityCollection() : null);
    viewer.getCanvas().setTooltipEnabled(items <= MAX_INTERACTIVE_ITEMS);
  }

  private static String tooltip(TrialXYDataset d, int series, int item, Map<Integer, FrozenTrial> trials) {
    int number = d.trialNumber(series, item);
    StringBuilder s = new StringBuilder("Trial #").append(number);
    FrozenTrial t = trials.get(number);
    if (t == null) return s.toString();
    if (t.hasValues()) {
      s.append("\n").append(t.values().size() == 1 ? "value " : "values ");
      for (int k = 0; k < t.values().size(); k++) s.append(k == 0 ? "" : ", ").append(Formats.number(t.values().get(k)));
    }
    t.params().forEach((k, v) -> s.append("\n").append(k).append(" = ").append(Formats.param(v)));
    return s.toString();
  }
}
