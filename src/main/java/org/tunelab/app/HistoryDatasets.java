package org.tunelab.app;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.OptimizationHistory;

/**
 * Turns an {@link OptimizationHistory} into JFreeChart datasets, and nothing more: the numbers come
 * from {@code analysis}, so the chart and the headless plot export show the same thing.
 */
final class HistoryDatasets {
  static final String VALUES = "Objective value";
  static final String BEST = "Best value";

  private final XYSeries values = new XYSeries(VALUES, true, true);
  private final XYSeries best = new XYSeries(BEST, true, true);
  private final XYSeriesCollection valueDataset = new XYSeriesCollection(values);
  private final XYSeriesCollection bestDataset = new XYSeriesCollection(best);

  /** The trial values, drawn as points. */
  XYSeriesCollection valueDataset() {
    return valueDataset;
  }

  /** The best value so far, drawn as a step line. */
  XYSeriesCollection bestDataset() {
    return bestDataset;
  }

  /**
   * Replaces the series' contents. Change events are held back until both series are filled, so the
   * chart redraws once per update rather than once per point.
   */
  void update(OptimizationHistory history) {
    values.setNotify(false);
    best.setNotify(false);
    values.clear();
    best.clear();
    for (OptimizationHistory.Point p : history.points()) values.add(p.trialNumber(), p.value(), false);
    for (OptimizationHistory.Point p : history.bestSoFar()) best.add(p.trialNumber(), p.value(), false);
    values.setNotify(true);
    best.setNotify(true);
  }

  int pointCount() {
    return values.getItemCount();
  }
}
