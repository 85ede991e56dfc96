package org.tunelab.run;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For programs that cannot print the report protocol: regular expressions that pick the metric,
 * and optionally the step, out of ordinary output ({@code metric: {regex: 'val_acc=([0-9.eE+-]+)',
 * step: 'epoch=(\d+)'}} in a spec). The first group of each is the number (the whole match when
 * there is no group). Every metric match is an intermediate value at the latest step seen (or at
 * 0, 1, 2, ... without a step pattern); the last match is the trial's value.
 *
 * @param metric the metric pattern
 * @param step the step pattern, or {@code null}
 */
public record MetricPattern(Pattern metric, Pattern step) {
  public MetricPattern {
    Objects.requireNonNull(metric, "metric");
  }

  /**
   * Compiles the patterns.
   *
   * @throws IllegalArgumentException naming the pattern that does not compile
   */
  public static MetricPattern of(String metric, String step) {
    return new MetricPattern(compile(metric, "regex"), step == null ? null : compile(step, "step"));
  }

  private static Pattern compile(String regex, String what) {
    try {
      return Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(what + " is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  /**
   * The number the pattern finds in {@code line}, or {@code null}: the first group (the whole match
   * without a group) read as a number. Public so the study designer's test box shows exactly what a
   * run would read.
   */
  public static Double find(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    if (!m.find()) return null;
    String text = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    try {
      return ReportLine.parseNumber(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
