package org.tunelab.app.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunelab.spec.DurationFormat;

/**
 * Reads the text of form fields into spec values and back, recording a {@link FieldProblem} for text
 * that does not read. Numbers become {@code Long} or {@code Double} exactly as a YAML reader would
 * take the same text, so a value opened, shown and saved again compares equal.
 */
final class FormValues {
  private final List<FieldProblem> problems;

  FormValues(List<FieldProblem> problems) {
    this.problems = problems;
  }

  void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  /** An integer of at least {@code min}, or {@code null} for blank text (or a problem). */
  Long integer(String text, String field, long min) {
    if (blank(text)) return null;
    try {
      long n = Long.parseLong(text.strip());
      if (n < min) {
        problem(field, "must be >= " + min + ", got " + n);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problem(field, "must be a whole number, got \"" + text.strip() + "\"");
      return null;
    }
  }

  /** A number: {@code Long} when written as an integer, {@code Double} otherwise. */
  Number number(String text, String field) {
    if (blank(text)) return null;
    String t = text.strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException notInteger) {
      try {
        double d = Double.parseDouble(t);
        if (Double.isNaN(d)) throw new NumberFormatException();
        return d;
      } catch (NumberFormatException e) {
        problem(field, "must be a number, got \"" + t + "\"");
        return null;
      }
    }
  }

  /** A duration such as {@code 1h30m}, or {@code null} for blank text. */
  Duration duration(String text, String field) {
    if (blank(text)) return null;
    try {
      return DurationFormat.parse(text);
    } catch (IllegalArgumentException e) {
      problem(field, e.getMessage());
      return null;
    }
  }

  /** {@code true}/{@code false}, or {@code null} for blank text. */
  Boolean bool(String text, String field) {
    if (blank(text)) return null;
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) return Boolean.valueOf(t);
    problem(field, "must be true or false, got \"" + text.strip() + "\"");
    return null;
  }

  /** GPU ids separated by commas or spaces: integers as {@code Long} (as YAML reads {@code [0, 1]}), others as text. */
  static List<Object> gpuIds(String text) {
    List<Object> ids = new ArrayList<>();
    if (blank(text)) return ids;
    for (String part : text.split("[,\\s]+")) {
      if (part.isEmpty()) continue;
      try {
        ids.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        ids.add(part);
      }
    }
    return ids;
  }

  /** The text a form shows for a list of GPU ids. */
  static String gpuText(Object value) {
    if (!(value instanceof List<?> list)) return value == null ? "" : String.valueOf(value);
    List<String> parts = new ArrayList<>();
    list.forEach(v -> parts.add(String.valueOf(v)));
    return String.join(", ", parts);
  }

  /** The text a form shows for a spec value. */
  static String text(Object value) {
    if (value == null) return "";
    if (value instanceof Duration d) return DurationFormat.format(d);
    return String.valueOf(value);
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
