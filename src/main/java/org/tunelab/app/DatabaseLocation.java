package org.tunelab.app;

import java.nio.file.Path;
import java.util.Objects;
import org.tunelab.storage.StorageUrl;

/**
 * A database the user asked to open: a SQLite file named by a path or an Optuna storage URL such as
 * {@code sqlite:///relative.db} or {@code sqlite:////abs/path.db}, resolved against the working
 * directory as Optuna resolves it.
 *
 * @param url what is handed to {@code Storages.open}
 * @param file the SQLite file
 */
public record DatabaseLocation(String url, Path file) {

  public DatabaseLocation {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(file, "file");
  }

  /** A local SQLite file. */
  public static DatabaseLocation of(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return new DatabaseLocation(abs.toString(), abs);
  }

  /**
   * Parses a command-line argument or a typed location.
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. for an in-memory or PostgreSQL URL
   */
  public static DatabaseLocation parse(String text) {
    StorageUrl url = StorageUrl.parse(text, Path.of(""));
    if (url.kind() != StorageUrl.Kind.SQLITE) {
      throw new IllegalArgumentException("\"" + text + "\" is an in-memory store; the app opens SQLite files");
    }
    return of(url.path());
  }

  /** What the status bar shows. */
  public String display() {
    return file.toString();
  }

  /** The file name alone, for the window title and short messages. */
  public String shortName() {
    return String.valueOf(file.getFileName());
  }
}
