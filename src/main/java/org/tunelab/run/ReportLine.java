package org.tunelab.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tunelab.json.JsonFormatException;
import org.tunelab.json.PythonJson;

/**
 * One line of the report protocol a trial's program prints on stdout, {@code @tunelab} and a JSON
 * object with any of these keys:
 * <ul>
 *   <li>{@code {"step": 3, "value": 0.5}}: an intermediate value at a step (an integer >= 0);</li>
 *   <li>{@code {"value": 0.93}}: the objective value (single objective); the last one counts;</li>
 *   <li>{@code {"values": [0.93, 120.0]}}: one value per objective;</li>
 *   <li>{@code {"attrs": {"epochs": 12}}}: user attributes of the trial;</li>
 *   <li>{@code {"constraints": [0.2, -1.0]}}: constraint values, > 0 meaning violated (Optuna's
 *       {@code constraints} system attribute).</li>
 * </ul>
 * JSON as Python's {@code json.dumps} writes it, so {@code NaN}, {@code Infinity} and
 * {@code -Infinity} are allowed. A program that does not know the protocol may instead print its
 * value as the last plain number on stdout.
 *
 * @param step the step of an intermediate value, or {@code null}
 * @param values the final values, the single intermediate value, or {@code null} when the line has none
 * @param attrs user attributes, empty when none
 * @param constraints constraint values, or {@code null}
 */
public record ReportLine(Integer step, List<Double> values, Map<String, Object> attrs, List<Double> constraints) {
  /** What starts a protocol line. */
  public static final String PREFIX = "@tunelab ";
  private static final String TAG = PREFIX.strip();
  private static final Set<String> KEYS = Set.of("step", "value", "values", "attrs", "constraints");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  public ReportLine {
    values = values == null ? null : List.copyOf(values);
    attrs = attrs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    constraints = constraints == null ? null : List.copyOf(constraints);
  }

  /** A value line: intermediate when {@code step} is given, final otherwise. */
  public ReportLine(Integer step, List<Double> values) {
    this(step, values, null, null);
  }

  /** Whether the line carries the objective value(s). */
  public boolean isFinal() {
    return step == null && values != null;
  }

  /** Whether the line carries an intermediate value. */
  public boolean isIntermediate() {
    return step != null;
  }

  /**
   * The protocol line in {@code line}, {@code null} when the line is not one.
   *
   * @throws IllegalArgumentException for a line that starts with {@code @tunelab} but is malformed,
   *     so a typo in the program is reported instead of ignored
   */
  public static ReportLine parse(String line) {
    String t = line.strip();
    if (!t.startsWith(TAG)) return null;
    String json = t.substring(TAG.length()).strip();
    Map<String, Object> object;
    try {
      object = PythonJson.readObject(json);
    } catch (JsonFormatException e) {
      throw bad(t, e.getMessage());
    }
    for (String key : object.keySet()) {
      if (!KEYS.contains(key)) throw bad(t, "unknown key \"" + key + "\"; expected step, value, values, attrs, constraints");
    }
    if (object.isEmpty()) throw bad(t, "expected {\"value\": ...} or {\"values\": [...]}");
    if (object.containsKey("value") && object.containsKey("values")) throw bad(t, "give \"value\" or \"values\", not both");
    Integer step = null;
    if (object.containsKey("step")) {
      if (!(object.get("step") instanceof Long s) || s < 0 || s > Integer.MAX_VALUE) {
        throw bad(t, "\"step\" must be an integer >= 0");
      }
      if (!object.containsKey("value")) throw bad(t, "a \"step\" needs its \"value\"");
      step = s.intValue();
    }
    List<Double> values = null;
    if (object.containsKey("values")) {
      if (step != null) throw bad(t, "an intermediate value is one \"value\", not \"values\"");
      values = numbers(object.get("values"), "values", t);
      if (values.isEmpty()) throw bad(t, "\"values\" must be a list of numbers");
    } else if (object.containsKey("value")) {
      values = List.of(number(object.get("value"), t));
    }
    Map<String, Object> attrs = null;
    if (object.containsKey("attrs")) {
      if (!(object.get("attrs") instanceof Map<?, ?> m)) throw bad(t, "\"attrs\" must be an object");
      attrs = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) attrs.put(String.valueOf(e.getKey()), e.getValue());
    }
    List<Double> constraints = object.containsKey("constraints") ? numbers(object.get("constraints"), "constraints", t)
        : null;
    return new ReportLine(step, values, attrs, constraints);
  }

  /** The line as a plain number ({@code 0.93}, {@code 1e-3}, {@code inf}, {@code nan}), or {@code null}. */
  public static Double plainNumber(String line) {
    String t = line.strip();
    if (!NUMBER.matcher(t).matches()) return null;
    return parseNumber(t);
  }

  /** A number as Python prints it, including {@code nan} and {@code inf}. */
  static double parseNumber(String t) {
    String lower = t.toLowerCase(java.util.Locale.ROOT).replace("infinity", "inf");
    if (lower.endsWith("nan")) return Double.NaN;
    if (lower.endsWith("inf")) return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    return Double.parseDouble(t);
  }

  private static List<Double> numbers(Object v, String key, String line) {
    if (!(v instanceof List<?> list)) throw bad(line, "\"" + key + "\" must be a list of numbers");
    List<Double> out = new ArrayList<>();
    for (Object item : list) out.add(number(item, line));
    return out;
  }

  private static double number(Object v, String line) {
    if (v instanceof Number n) return n.doubleValue();
    throw bad(line, PythonJson.write(v) + " is not a number");
  }

  private static IllegalArgumentException bad(String line, String why) {
    String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    return new IllegalArgumentException("bad report line \"" + shown + "\": " + why);
  }
}
