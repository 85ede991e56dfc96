package org.tunelab.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A database the user asked to open: a file path, or an Optuna storage URL such as
 * {@code sqlite:///relative.db} or {@code sqlite:////abs/path.db}, resolved against the working
 * directory as Optuna resolves it.
 *
 * @param url what is handed to the {@link StorageOpener}
 * @param file the SQLite file, or {@code null} for a store that is not a local file
 */
public record DatabaseLocation(String url, Path file) {
  private static final String SQLITE_PREFIX = "sqlite:///";

  public DatabaseLocation {
    Objects.requireNonNull(url, "url");
  }

  /** A local SQLite file. */
  public static DatabaseLocation of(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return new DatabaseLocation(abs.toString(), abs);
  }

  /** Parses a command-line argument or a typed location. */
  public static DatabaseLocation parse(String text) {
    String t = Objects.requireNonNull(text, "text").trim();
    if (t.isEmpty()) throw new IllegalArgumentException("empty database location");
    if (t.startsWith(SQLITE_PREFIX)) return of(Path.of(t.substring(SQLITE_PREFIX.length())));
    if (t.contains("://")) return new DatabaseLocation(t, null);
    return of(Path.of(t));
  }

  /** What the window title and status bar show. */
  public String display() {
    return file == null ? url : file.toString();
  }

  /** The file name alone, for short labels. */
  public String shortName() {
    return file == null ? url : String.valueOf(file.getFileName());
  }
}
