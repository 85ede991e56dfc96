package org.tunelab.app.design;

import java.util.regex.Matcher;
import org.tunelab.run.MetricPattern;
import org.tunelab.run.ReportLine;

/**
 * The designer's metric test box: what a run would read from one line of the program's output, in
 * the order a run reads it (a report-protocol line first, then the metric pattern, then a line that
 * is just a number), using the run's own {@link ReportLine} and {@link MetricPattern}.
 */
public final class MetricTester {
  private MetricTester() {}

  /**
   * @param regex the metric pattern, blank for none
   * @param step the step pattern, blank for none
   * @return one sentence saying what is extracted, or why nothing is
   */
  public static String test(String regex, String step, String line) {
    if (line == null || line.isEmpty()) return "Paste a line of your program's output to see what a run reads from it.";
    ReportLine report;
    try {
      report = ReportLine.parse(line);
    } catch (IllegalArgumentException e) {
      return "A report line that does not read: " + e.getMessage();
    }
    if (report != null) {
      if (report.isIntermediate()) return "Report line: intermediate value " + report.values().get(0) + " at step " + report.step();
      if (report.isFinal()) return "Report line: final value(s) " + report.values();
      return "Report line without a value (attributes only)";
    }
    if (FormValues.blank(regex)) {
      Double n = ReportLine.plainNumber(line);
      return n != null ? "No metric pattern; the line is a number, so " + n + " is the value if it is the last one"
          : "No metric pattern, and the line is neither a report line nor a number: nothing is read";
    }
    MetricPattern pattern;
    try {
      pattern = MetricPattern.of(regex, FormValues.blank(step) ? null : step);
    } catch (IllegalArgumentException e) {
      return "The " + e.getMessage();
    }
    Double value = MetricPattern.find(pattern.metric(), line);
    if (value == null) {
      Matcher m = pattern.metric().matcher(line);
      if (!m.find()) return "The metric pattern does not match this line";
      String text = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
      return "The metric pattern matches, but \"" + text + "\" is not a number (put the number in the first group)";
    }
    if (pattern.step() == null) return "Metric " + value + " (steps are counted: 0, 1, 2, ...)";
    Double stepValue = MetricPattern.find(pattern.step(), line);
    return stepValue == null ? "Metric " + value + " (no step in this line: the latest step seen is used)"
        : "Metric " + value + " at step " + stepValue.intValue();
  }
}
