package org.tunelab.run.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which files of the code directory stay home, in {@code .gitignore} syntax: {@code #} comments,
 * {@code !} re-includes, a trailing {@code /} for directories only, a pattern with a {@code /} in
 * it anchored at the code directory (otherwise it matches a name at any depth), {@code *},
 * {@code ?}, {@code [a-z]} and {@code **}. The last matching rule wins; as in git, a file inside an
 * ignored directory cannot be re-included.
 *
 * <pre>{@code
 * IgnoreRules rules = IgnoreRules.parse(List.of("data/", "*.ckpt", "!keep.ckpt"));
 * rules.ignored("data", true);       // true
 * rules.ignored("runs/a.ckpt", false); // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IgnoreRules {
  /** The ignore file read from the top of the code directory. */
  public static final String FILE_NAME = ".tunelabignore";
  /** Ignored unless re-included: version control, caches. */
  static final List<String> DEFAULTS = List.of(".git/", ".hg/", ".svn/", "__pycache__/", "*.pyc", ".ipynb_checkpoints/");

  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, String source) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Rules from lines of an ignore file, after {@link #DEFAULTS}. */
  public static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    List<String> all = new ArrayList<>(DEFAULTS);
    all.addAll(lines);
    for (String raw : all) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean negated = line.startsWith("!");
      if (negated) line = line.substring(1);
      else if (line.startsWith("\\#") || line.startsWith("\\!")) line = line.substring(1);
      boolean dirOnly = line.endsWith("/");
      if (dirOnly) line = line.substring(0, line.length() - 1);
      if (line.isEmpty()) continue;
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) line = line.substring(1);
      String regex = (anchored ? "" : "(?:.*/)?") + toRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, dirOnly, raw));
    }
    return new IgnoreRules(rules);
  }

  /** The rules of {@code dir/.tunelabignore}, or the defaults alone when there is none. */
  public static IgnoreRules of(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    return parse(Files.isRegularFile(file) ? Files.readAllLines(file) : List.of());
  }

  /**
   * @param relativePath a path under the code directory, with {@code /} separators
   * @param directory whether it is a directory
   */
  public boolean ignored(String relativePath, boolean directory) {
    boolean ignored = false;
    for (Rule r : rules) {
      if (r.directoryOnly() && !directory) continue;
      if (r.pattern().matcher(relativePath).matches()) ignored = !r.negated();
    }
    return ignored;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) end--;
    return s.substring(0, end);
  }

  private static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("**/", i)) {
        b.append("(?:.*/)?");
        i += 2;
      } else if (c == '*' && glob.startsWith("**", i) && i + 2 == glob.length()) {
        b.append(".*");
        i++;
      } else if (c == '*') {
        b.append("[^/]*");
      } else if (c == '?') {
        b.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          b.append("\\[");
        } else {
          String set = glob.substring(i + 1, end);
          if (set.startsWith("!")) set = "^" + set.substring(1);
          b.append('[').append(set.replace("\\", "\\\\")).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}
