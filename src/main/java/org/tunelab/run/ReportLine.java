package org.tunelab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tunelab.json.JsonFormatException;
import org.tunelab.json.PythonJson;

/**
 * One line of the report protocol a trial's program prints on stdout:
 * <ul>
 *   <li>{@code @tunelab {"value": 0.93}}: the objective value (single objective);</li>
 *   <li>{@code @tunelab {"values": [0.93, 120.0]}}: one value per objective;</li>
 *   <li>{@code @tunelab {"step": 3, "value": 0.5}}: an intermediate value at a step.</li>
 * </ul>
 * JSON as Python's {@code json.dumps} writes it, so {@code NaN}, {@code Infinity} and
 * {@code -Infinity} are allowed. A program that does not know the protocol may instead print its
 * value as the last plain number on stdout.
 *
 * @param step the step of an intermediate value, or {@code null} for a final value
 * @param values the final values, or the single intermediate value
 */
public record ReportLine(Integer step, List<Double> values) {
  /** What starts a protocol line. */
  public static final String PREFIX = "@tunelab ";
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  public ReportLine {
    values = List.copyOf(values);
  }

  public boolean isFinal() {
    return step == null;
  }

  /**
   * The protocol line in {@code line}, {@code null} when the line is not one.
   *
   * @throws IllegalArgumentException for a line that starts with the prefix but is malformed, so a
   *     typo in the program is reported instead of ignored
   */
  public static ReportLine parse(String line) {
    String t = line.strip();
    if (!t.startsWith(PREFIX.strip())) return null;
    String json = t.substring(PREFIX.strip().length()).strip();
    Map<String, Object> object;
    try {
      object = PythonJson.readObject(json);
    } catch (JsonFormatException e) {
      throw new IllegalArgumentException("bad report line \"" + t + "\": " + e.getMessage());
    }
    Object step = object.get("step");
    if (object.containsKey("values")) {
      if (!(object.get("values") instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalArgumentException("bad report line \"" + t + "\": \"values\" must be a list of numbers");
      }
      List<Double> values = new ArrayList<>();
      for (Object v : list) values.add(number(v, t));
      return new ReportLine(null, values);
    }
    if (!object.containsKey("value")) {
      throw new IllegalArgumentException("bad report line \"" + t + "\": expected {\"value\": ...} or {\"values\": [...]}");
    }
    double value = number(object.get("value"), t);
    if (step == null) return new ReportLine(null, List.of(value));
    if (!(step instanceof Long s) || s < 0 || s > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad report line \"" + t + "\": \"step\" must be an integer >= 0");
    }
    return new ReportLine(s.intValue(), List.of(value));
  }

  /** The line as a plain number ({@code 0.93}, {@code 1e-3}, {@code inf}, {@code nan}), or {@code null}. */
  public static Double plainNumber(String line) {
    String t = line.strip();
    if (!NUMBER.matcher(t).matches()) return null;
    String lower = t.toLowerCase(java.util.Locale.ROOT).replace("infinity", "inf");
    if (lower.endsWith("nan")) return Double.NaN;
    if (lower.endsWith("inf")) return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    return Double.parseDouble(t);
  }

  private static double number(Object v, String line) {
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("bad report line \"" + line + "\": " + PythonJson.write(v) + " is not a number");
  }
}
