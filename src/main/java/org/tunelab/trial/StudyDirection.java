package org.tunelab.trial;

/** Whether an objective is minimized or maximized; {@code NOT_SET} appears only in files Optuna wrote. */
public enum StudyDirection {
  NOT_SET, MINIMIZE, MAXIMIZE;

  /** Whether {@code a} is strictly better than {@code b} in this direction; NaN is never better. */
  public boolean isBetter(double a, double b) {
    if (Double.isNaN(a)) return false;
    if (Double.isNaN(b)) return true;
    return this == MAXIMIZE ? a > b : a < b;
  }

  /** The worst possible value in this direction, a neutral start for "best so far". */
  public double worst() {
    return this == MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** Parses {@code minimize}/{@code maximize} in any case. */
  public static StudyDirection parse(String text) {
    for (StudyDirection d : values()) {
      if (d.name().equalsIgnoreCase(text.trim())) return d;
    }
    throw new IllegalArgumentException("direction must be minimize or maximize, got \"" + text + "\"");
  }
}
