package org.tunelab.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store lives, parsed from what users write in study specs and on the command line: Optuna's
 * SQLAlchemy URLs ({@code sqlite:///relative.db}, {@code sqlite:////absolute.db}), plain paths
 * ({@code runs/study.db}, {@code /data/study.db}, {@code ~/study.db}), or {@code memory} /
 * {@code :memory:}. An optional query {@code ?schema=v3.0.0.d} asks for a new file that Optuna 3.0 and
 * 3.1 can open (the default, {@code v3.2.0.a}, opens in Optuna 3.2 to 5.0).
 *
 * <pre>{@code
 * StorageUrl url = StorageUrl.parse("sqlite:///runs/demo.db", Path.of("/home/me/project"));
 * // url.path() is /home/me/project/runs/demo.db
 * }</pre>
 *
 * @param kind whether the store is a SQLite file or lives in memory
 * @param path the absolute, normalized file path; {@code null} for memory
 * @param schemaRevision the alembic revision requested for a new file, or {@code null} for the default
 */
public record StorageUrl(Kind kind, Path path, String schemaRevision) {

  /** The kinds of store TuneLab can open. */
  public enum Kind { SQLITE, MEMORY }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://(.*)$", Pattern.DOTALL);

  public StorageUrl {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.SQLITE) Objects.requireNonNull(path, "path");
  }

  /**
   * Parses a URL or path; relative paths are resolved against {@code baseDir} (the spec file's
   * folder, or the working directory on the command line).
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. for {@code postgresql://} URLs
   */
  public static StorageUrl parse(String text, Path baseDir) {
    Objects.requireNonNull(text, "storage URL");
    String s = text.trim();
    if (s.isEmpty()) throw new IllegalArgumentException("the storage URL is empty");
    String schema = null;
    int q = s.indexOf('?');
    if (q >= 0 && (s.startsWith("sqlite:") || !s.contains("://"))) {
      schema = parseQuery(s.substring(q + 1), text);
      s = s.substring(0, q);
    }
    if (s.equalsIgnoreCase("memory") || s.equals(":memory:")) return new StorageUrl(Kind.MEMORY, null, null);
    Matcher m = SCHEME.matcher(s);
    if (m.matches()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      if (!scheme.equals("sqlite")) {
        String family = scheme.replaceFirst("\\+.*", "");
        throw new IllegalArgumentException("storage \"" + text + "\": " + family + " is not supported yet;"
            + " TuneLab stores studies in SQLite files (sqlite:///study.db, or a plain path) or in memory");
      }
      String rest = m.group(2);
      // SQLAlchemy: sqlite:// and sqlite:///:memory: are in-memory databases.
      if (rest.isEmpty() || rest.equals("/:memory:")) return new StorageUrl(Kind.MEMORY, null, null);
      if (!rest.startsWith("/")) {
        throw new IllegalArgumentException("storage \"" + text + "\": a SQLite URL has three slashes before a"
            + " relative path (sqlite:///study.db) and four before an absolute one (sqlite:////data/study.db)");
      }
      s = rest.substring(1);
      if (s.isEmpty()) throw new IllegalArgumentException("storage \"" + text + "\" names no file");
    }
    return new StorageUrl(Kind.SQLITE, resolve(s, baseDir), schema);
  }

  private static String parseQuery(String query, String text) {
    String schema = null;
    for (String part : query.split("&")) {
      if (part.isEmpty()) continue;
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      if (!key.equals("schema")) {
        throw new IllegalArgumentException("storage \"" + text + "\": unknown option \"" + key
            + "\"; the only option is schema=v3.0.0.d or schema=v3.2.0.a");
      }
      if (!value.equals("v3.0.0.d") && !value.equals("v3.2.0.a")) {
        throw new IllegalArgumentException("storage \"" + text + "\": schema must be v3.0.0.d (Optuna 3.0-3.1)"
            + " or v3.2.0.a (Optuna 3.2-5.0), got \"" + value + "\"");
      }
      schema = value;
    }
    return schema;
  }

  private static Path resolve(String path, Path baseDir) {
    String p = path;
    if (p.equals("~") || p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
    Path file = Path.of(p);
    if (!file.isAbsolute()) file = (baseDir == null ? Path.of("") : baseDir).resolve(file);
    return file.toAbsolutePath().normalize();
  }

  /** The canonical form: {@code sqlite:////abs/path.db} or {@code memory}. */
  @Override
  public String toString() {
    if (kind == Kind.MEMORY) return "memory";
    return "sqlite:///" + path + (schemaRevision == null ? "" : "?schema=" + schemaRevision);
  }
}
