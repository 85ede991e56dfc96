package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tunelab.json.PythonFloat;

/**
 * Choices and condition values as one line of text: {@code sgd, adam, 32, 0.5, true, null, "32"}.
 * A bare word is read as YAML would read it in a spec (integer, float, {@code true}/{@code false},
 * {@code null}, else a string); a string that would read as something else is written in double
 * quotes, so {@link #format} and {@link #parse} are inverses and a loaded space round-trips exactly.
 */
public final class ChoiceText {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?|[+-]?(inf|\\.inf)|nan|\\.nan");

  private ChoiceText() {}

  /** The values in a line of text; throws {@link DraftFormatException} naming the bad item. */
  public static List<Object> parse(String text) {
    List<Object> values = new ArrayList<>();
    if (text.isBlank()) return values;
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && text.charAt(i) == ' ') i++;
      int item = values.size() + 1;
      if (i < n && text.charAt(i) == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            s.append(text.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            s.append(c);
          }
        }
        if (!closed) throw new DraftFormatException("item " + item + " opens a quote that is never closed");
        while (i < n && text.charAt(i) == ' ') i++;
        if (i < n && text.charAt(i) != ',') {
          throw new DraftFormatException("item " + item + " has text after its closing quote");
        }
        values.add(s.toString());
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        String word = text.substring(i, end).trim();
        if (word.isEmpty()) {
          throw new DraftFormatException("item " + item + " is empty; write \"\" for an empty string");
        }
        values.add(bare(word));
        i = end;
      }
      if (i >= n) return values;
      i++; // the comma
      if (text.substring(i).isBlank()) {
        throw new DraftFormatException("the list ends with a comma; remove it or add an item");
      }
    }
  }

  /** One line that {@link #parse} reads back to equal values (longs, doubles, booleans, null, strings). */
  public static String format(List<?> values) {
    List<String> items = new ArrayList<>();
    for (Object v : values) items.add(format(v));
    return String.join(", ", items);
  }

  /** One value as {@link #parse} reads it back. */
  public static String format(Object value) {
    if (value == null) return "null";
    if (value instanceof Double d) return PythonFloat.repr(d);
    if (value instanceof Float f) return PythonFloat.repr(f);
    if (value instanceof Number || value instanceof Boolean) return String.valueOf(value);
    String s = String.valueOf(value);
    boolean plain = !s.isEmpty() && s.equals(s.trim()) && s.indexOf(',') < 0 && !s.startsWith("\"")
        && s.equals(bare(s));
    return plain ? s : quoted(s);
  }

  private static Object bare(String word) {
    if (INTEGER.matcher(word).matches()) {
      try {
        return Long.parseLong(word);
      } catch (NumberFormatException e) {
        return word; // too large for a long: a string, as the engine takes no big integers
      }
    }
    if (FLOAT.matcher(word).matches()) {
      String w = word.replace(".inf", "inf").replace(".nan", "nan");
      if (w.endsWith("inf")) return w.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      if (w.equals("nan")) return Double.NaN;
      return Double.parseDouble(w);
    }
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> word;
    };
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
