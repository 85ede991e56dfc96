package org.tunelab.app;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import java.util.List;
import org.tunelab.analysis.Downsampling;
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
    // thinned to what the screen can show apart, so 100,000 trials draw as fast as a few thousand
    for (OptimizationHistory.Point p : Downsampling.thin(history.points(), 600, 300, 20_000)) {
      values.add(p.trialNumber(), p.value(), false);
    }
    List<OptimizationHistory.Point> b = history.bestSoFar();
    for (int k = 0; k < b.size(); k++) {
      if (k == 0 || k == b.size() - 1 || b.get(k).value() != b.get(k - 1).value()) {
        best.add(b.get(k).trialNumber(), b.get(k).value(), false);
      }
    }
    values.setNotify(true);
    best.setNotify(true);
  }

  int pointCount() {
    return values.getItemCount();
  }
}
