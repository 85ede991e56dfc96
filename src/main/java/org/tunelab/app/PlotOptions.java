package org.tunelab.app;

import java.util.List;
import org.tunelab.chart.PlotKind;

/**
 * What the user chose for one plot tab: the objective, up to two parameters (the slice's parameter,
 * the contour's and rank's x and y), which panel of a many-panel figure to show, and a log value axis.
 */
record PlotOptions(int objective, String x, String y, int panel, boolean logValues) {

  static final PlotOptions DEFAULT = new PlotOptions(0, null, null, 0, false);

  /** The parameters to ask the figure for: none means the plot's default choice. */
  List<String> params(PlotKind kind) {
    switch (kind) {
      case SLICE:
        return x == null ? List.of() : List.of(x);
      case CONTOUR:
      case RANK:
        return x == null || y == null || x.equals(y) ? List.of() : List.of(x, y);
      default:
        return List.of();
    }
  }

  /** Whether the tab offers parameter choosers: 0, 1 or 2. */
  static int paramChoosers(PlotKind kind) {
    switch (kind) {
      case SLICE:
        return 1;
      case CONTOUR:
      case RANK:
        return 2;
      default:
        return 0;
    }
  }
}
