package org.tunelab.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tunelab.json.PythonFloat;

/**
 * A command line with {@code {param}} placeholders, such as {@code python3 train.py --lr {lr}}.
 *
 * <p>The template is split into arguments first, as a POSIX shell splits words (whitespace
 * separates; single quotes, double quotes and backslashes quote), and only then are placeholders
 * replaced inside each argument. No shell ever runs, so a value like {@code a; rm -rf ~} stays one
 * literal argument. Only names of parameters are placeholders; other braces, such as a JSON
 * argument, stay as written. Floats are written as Python writes them ({@code 1e-05}).
 *
 * <p>A parameter that is not active in a trial (its condition does not hold) has no value: the
 * argument holding its placeholder is left out, together with an option flag right before it
 * ({@code --momentum {momentum}} disappears as a whole).
 *
 * <pre>{@code
 * CommandTemplate t = CommandTemplate.parse("python3 train.py --lr {lr}", List.of("lr"));
 * t.argv(Map.of("lr", 0.001)); // [python3, train.py, --lr, 0.001]
 * }</pre>
 */
public final class CommandTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)\\}");

  private final String text;
  private final List<String> words;
  private final List<String> paramNames;

  private CommandTemplate(String text, List<String> words, List<String> paramNames) {
    this.text = text;
    this.words = words;
    this.paramNames = paramNames;
  }

  /**
   * Splits {@code text} into words.
   *
   * @param paramNames the names that are placeholders
   * @throws IllegalArgumentException for an empty command or an unterminated quote
   */
  public static CommandTemplate parse(String text, Collection<String> paramNames) {
    Objects.requireNonNull(text, "command");
    List<String> words = split(text);
    if (words.isEmpty()) throw new IllegalArgumentException("the command is empty");
    return new CommandTemplate(text, List.copyOf(words), List.copyOf(paramNames));
  }

  /** The placeholders the template uses, in order of first use. */
  public List<String> placeholders() {
    List<String> used = new ArrayList<>();
    for (String w : words) {
      Matcher m = PLACEHOLDER.matcher(w);
      while (m.find()) {
        if (paramNames.contains(m.group(1)) && !used.contains(m.group(1))) used.add(m.group(1));
      }
    }
    return used;
  }

  /** The arguments for one trial, given its active parameters in their user-facing form. */
  public List<String> argv(Map<String, ?> params) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      if (mentionsInactive(word, params)) {
        // Drop a flag that introduced the missing value, but never the program itself.
        if (out.size() > 1 && isFlag(out.get(out.size() - 1))) out.remove(out.size() - 1);
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(word);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String replacement = paramNames.contains(name) ? format(params.get(name)) : m.group();
        m.appendReplacement(b, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }

  private boolean mentionsInactive(String word, Map<String, ?> params) {
    Matcher m = PLACEHOLDER.matcher(word);
    while (m.find()) {
      if (paramNames.contains(m.group(1)) && !params.containsKey(m.group(1))) return true;
    }
    return false;
  }

  private static boolean isFlag(String word) {
    return word.startsWith("-") && word.length() > 1 && !Character.isDigit(word.charAt(1)) && !word.contains("=");
  }

  /** Floats as Python's repr, so a program reading them with {@code float()} gets the exact value. */
  public static String format(Object value) {
    if (value == null) return "null";
    if (value instanceof Double d) return PythonFloat.repr(d);
    if (value instanceof Float f) return PythonFloat.repr(f);
    return String.valueOf(value);
  }

  /** POSIX shell word splitting, without expansions. */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) throw new IllegalArgumentException("unterminated ' in command: " + text);
        word.append(text, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  /** Appends a double-quoted part starting after its quote; returns the index of the closing quote. */
  private static int doubleQuoted(String text, int start, StringBuilder word) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') return i;
      if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
        word.append(text.charAt(++i));
      } else {
        word.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated \" in command: " + text);
  }

  @Override
  public String toString() {
    return text;
  }
}
