package org.tunelab.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tunelab.trial.StudyDirection;

/** How the app writes numbers, durations and times: compact, and the same in every view. */
public final class Formats {
  private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Formats() {}

  /** A value with up to 6 significant digits; very large or small ones in scientific notation. */
  public static String number(double v) {
    if (Double.isNaN(v)) return "NaN";
    if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e7) {
      String s = String.format(Locale.ROOT, "%.6g", v);
      // %g keeps trailing zeros ("2.50000"); they suggest a precision the value does not have
      if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      return s;
    }
    return String.format(Locale.ROOT, "%.4e", v);
  }

  /** A parameter value: numbers as {@link #number}, Python's {@code None} for null, the rest as text. */
  public static String param(Object v) {
    if (v == null) return "None";
    if (v instanceof Double d) return number(d);
    if (v instanceof Float f) return number(f);
    if (v instanceof Boolean b) return b ? "True" : "False";
    return v.toString();
  }

  /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}; empty for {@code null}. */
  public static String duration(Duration d) {
    if (d == null) return "";
    long ms = d.toMillis();
    if (ms < 1000) return ms + " ms";
    if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    long s = d.toSeconds();
    if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  public static String started(LocalDateTime t) {
    return t == null ? "" : STARTED.format(t);
  }

  /** {@code minimize} or {@code minimize, maximize}. */
  public static String directions(List<StudyDirection> directions) {
    return directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
