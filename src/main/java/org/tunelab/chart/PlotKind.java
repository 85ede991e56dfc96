package org.tunelab.chart;

import java.util.Locale;

/** The plots TuneLab draws, named as {@code tunelab plot --kind} takes them. */
public enum PlotKind {
  HISTORY("Optimization history"),
  IMPORTANCE("Parameter importance"),
  SLICE("Slice"),
  CONTOUR("Contour"),
  PARETO("Pareto front"),
  PARALLEL("Parallel coordinates"),
  INTERMEDIATE("Intermediate values"),
  EDF("Empirical distribution"),
  TIMELINE("Timeline"),
  RANK("Rank");

  private final String title;

  PlotKind(String title) {
    this.title = title;
  }

  /** A heading for the plot, as a tab or figure title shows it. */
  public String title() {
    return title;
  }

  /** The name on the command line, e.g. {@code history}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the plot shows several studies at once when given several. */
  public boolean comparesStudies() {
    return this == HISTORY || this == EDF;
  }
}
