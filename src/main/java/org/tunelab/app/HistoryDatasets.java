package org.tunelab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tunelab.analysis.Downsampling;
import org.tunelab.analysis.OptimizationHistory;

/**
 * Turns optimization histories into JFreeChart datasets, and nothing more: the numbers come from
 * {@code analysis}, so the chart and the headless plot export show the same thing. One series of
 * points and one best-so-far line per study: the shown study first, then the compared ones.
 *
 * <p>Points are thinned to what the screen can show apart ({@link Downsampling}): over the whole
 * history at full view, over the visible window once zoomed, so zooming in brings the detail back.
 */
final class HistoryDatasets {
  static final String VALUES = "Objective value";
  static final String BEST = "Best value";
  /** About one cell per dot of the chart, and the point count under which nothing is thinned. */
  static final int COLUMNS = 600;
  static final int ROWS = 300;
  static final int LIMIT = 20_000;

  /** The visible part of the chart when zoomed; an infinite side means that axis is not zoomed. */
  record Window(double minX, double maxX, double minY, double maxY) {}

  private final XYSeriesCollection valueDataset = new XYSeriesCollection();
  private final XYSeriesCollection bestDataset = new XYSeriesCollection();
  private int leftOutForLog;

  /** The trial values, drawn as points. */
  XYSeriesCollection valueDataset() {
    return valueDataset;
  }

  /** The best value so far, drawn as a step line. */
  XYSeriesCollection bestDataset() {
    return bestDataset;
  }

  /**
   * Replaces the series' contents. Callers hold back the chart's change events meanwhile, so the
   * chart redraws once per update rather than once per series.
   *
   * @param compared other studies' histories by name, overlaid; may be empty
   * @param window the zoomed window, or {@code null} at full view
   * @param log whether the value axis is logarithmic: values at or below 0 are left out and counted
   */
  void update(String name, OptimizationHistory shown, Map<String, OptimizationHistory> compared, Window window,
      boolean log) {
    Map<String, OptimizationHistory> all = new LinkedHashMap<>();
    all.put(compared.isEmpty() ? null : name, shown);
    compared.forEach((n, h) -> {
      if (!n.equals(name)) all.put(n, h);
    });
    valueDataset.removeAllSeries();
    bestDataset.removeAllSeries();
    leftOutForLog = 0;
    for (Map.Entry<String, OptimizationHistory> e : all.entrySet()) {
      String key = e.getKey();
      XYSeries values = new XYSeries(key == null ? VALUES : key, true, true);
      XYSeries best = new XYSeries(key == null ? BEST : key + " best", true, true);
      List<OptimizationHistory.Point> points = positive(e.getValue().points(), log);
      List<OptimizationHistory.Point> drawn = window == null ? Downsampling.thin(points, COLUMNS, ROWS, LIMIT, log)
          : Downsampling.thinWithin(points, window.minX(), window.maxX(), window.minY(), window.maxY(), COLUMNS, ROWS,
              LIMIT, log);
      for (OptimizationHistory.Point p : drawn) values.add(p.trialNumber(), p.value(), false);
      List<OptimizationHistory.Point> b = positive(e.getValue().bestSoFar(), log);
      for (int k = 0; k < b.size(); k++) {
        // a step line needs only its steps and its end; 100,000 flat segments draw the same line slower
        if (k == 0 || k == b.size() - 1 || b.get(k).value() != b.get(k - 1).value()) {
          best.add(b.get(k).trialNumber(), b.get(k).value(), false);
        }
      }
      valueDataset.addSeries(values);
      bestDataset.addSeries(best);
    }
  }

  private List<OptimizationHistory.Point> positive(List<OptimizationHistory.Point> points, boolean log) {
    if (!log) return points;
    List<OptimizationHistory.Point> out = new ArrayList<>(points.size());
    for (OptimizationHistory.Point p : points) {
      if (p.value() > 0) out.add(p);
      else leftOutForLog++;
    }
    return out;
  }

  /** How many trial values the chart draws, over all studies. */
  int pointCount() {
    int n = 0;
    for (int s = 0; s < valueDataset.getSeriesCount(); s++) n += valueDataset.getItemCount(s);
    return n;
  }

  /** How many points (values and best-so-far steps) the log axis could not show at the last update. */
  int leftOutForLog() {
    return leftOutForLog;
  }
}
