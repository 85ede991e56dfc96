package org.tunelab.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.tunelab.json.PythonFloat;
import org.tunelab.json.PythonJson;
import org.tunelab.trial.StudyDirection;

/** How values look in printed cells: floats at full precision as Python writes them, datetimes as Python's str. */
final class Cells {
  private Cells() {}

  static String number(Double v) {
    return v == null ? "" : PythonFloat.repr(v);
  }

  /** A parameter or attribute value: floats by repr, strings as they are, anything else as JSON. */
  static String value(Object v) {
    if (v instanceof Double d) return PythonFloat.repr(d);
    if (v instanceof String s) return s;
    return PythonJson.write(v);
  }

  /** Python's {@code str(datetime)}: microseconds only when there are any. */
  static String datetime(LocalDateTime t) {
    if (t == null) return "";
    StringBuilder out = new StringBuilder(26);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    int micros = t.getNano() / 1000;
    if (micros != 0) pad(out.append('.'), micros, 6);
    return out.toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int digits) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < digits; i++) out.append('0');
    return out.append(s);
  }

  /** Seconds, to the microsecond. */
  static Double seconds(Duration d) {
    return d == null ? null : d.toNanos() / 1000 / 1e6;
  }

  static String directions(List<StudyDirection> directions) {
    return String.join(",", directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
  }
}
