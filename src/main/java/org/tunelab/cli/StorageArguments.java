package org.tunelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageUrl;
import org.tunelab.storage.Storages;
import org.tunelab.storage.jdbc.SqliteStorage;

/** Opens the STORAGE argument of the reading commands. */
final class StorageArguments {
  private StorageArguments() {}

  /**
   * Opens an existing store read-only, so that looking at a file never creates or changes it (not
   * even its journal mode) and never gets in the way of a process writing it.
   *
   * @throws CliException with {@link ExitCode#USAGE} for a malformed URL, {@link ExitCode#RUNTIME} for a missing file
   */
  static Storage openForReading(String text) {
    StorageUrl url;
    try {
      url = StorageUrl.parse(text, Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    if (url.kind() == StorageUrl.Kind.MEMORY) return Storages.open(url);
    if (!Files.isRegularFile(url.path())) throw new CliException(ExitCode.RUNTIME, "no database at " + url.path());
    return SqliteStorage.openReadOnly(url.path());
  }

  /** Opens (or creates) a store for writing; relative paths resolve against {@code baseDir}. */
  static Storage openForWriting(String text, Path baseDir) {
    StorageUrl url;
    try {
      url = StorageUrl.parse(text, baseDir);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    return Storages.open(url);
  }
}
