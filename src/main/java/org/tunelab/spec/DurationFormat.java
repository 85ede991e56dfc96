package org.tunelab.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in spec files and on the command line: {@code 45s}, {@code 30m},
 * {@code 2h}, {@code 1h30m}, {@code 1d}, {@code 500ms}, or a plain number of seconds.
 *
 * <pre>{@code
 * Duration d = DurationFormat.parse("1h30m"); // PT1H30M
 * DurationFormat.format(d);                   // "1h30m"
 * }</pre>
 */
public final class DurationFormat {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");
  private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

  private DurationFormat() {}

  /** Parses a duration; throws {@link IllegalArgumentException} saying what a valid one looks like. */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (SECONDS.matcher(t).matches()) return ofSeconds(Double.parseDouble(t), text);
    Matcher m = PART.matcher(t);
    int pos = 0;
    double seconds = 0;
    while (m.find() && m.start() == pos) {
      double amount = Double.parseDouble(m.group(1));
      seconds += amount * switch (m.group(2)) {
        case "d" -> 86_400;
        case "h" -> 3_600;
        case "m" -> 60;
        case "s" -> 1;
        default -> 0.001;
      };
      pos = m.end();
    }
    if (pos == 0 || pos != t.length()) {
      throw new IllegalArgumentException("not a duration: \"" + text + "\" (write e.g. 45s, 30m, 2h, 1h30m)");
    }
    return ofSeconds(seconds, text);
  }

  private static Duration ofSeconds(double seconds, String text) {
    if (!(seconds > 0) || seconds > 1e12) {
      throw new IllegalArgumentException("a duration must be positive, got \"" + text + "\"");
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** The shortest form {@link #parse} reads back to the same duration (to the millisecond). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) return ms + "ms";
    long s = ms / 1000;
    StringBuilder out = new StringBuilder();
    if (s >= 86_400 && s % 3_600 == 0 && s % 86_400 == 0) return s / 86_400 + "d";
    if (s >= 3_600) {
      out.append(s / 3_600).append('h');
      s %= 3_600;
    }
    if (s >= 60) {
      out.append(s / 60).append('m');
      s %= 60;
    }
    if (s > 0 || out.length() == 0) out.append(s).append('s');
    return out.toString();
  }
}
