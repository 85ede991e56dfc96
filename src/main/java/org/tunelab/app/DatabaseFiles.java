package org.tunelab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a file before the app hands it to the store. Opening must never create or change a file: a
 * store opened on a missing or empty path would make a new database there, and one opened on a
 * random file would fail with a driver message the user cannot act on.
 */
final class DatabaseFiles {
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private DatabaseFiles() {}

  /** Throws {@link DatabaseOpenException} unless {@code file} is an existing, readable SQLite file. */
  static void requireSqliteFile(Path file) {
    if (!Files.exists(file)) throw new DatabaseOpenException("The file " + file + " does not exist.");
    if (!Files.isRegularFile(file)) throw new DatabaseOpenException(file + " is not a file.");
    if (!Files.isReadable(file)) throw new DatabaseOpenException("The file " + file + " cannot be read (permissions).");
    byte[] header = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(header, 0, header.length);
    } catch (IOException e) {
      throw new DatabaseOpenException("The file " + file + " cannot be read.", e);
    }
    if (n < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
      throw new DatabaseOpenException(file.getFileName() + " is not an Optuna database: it is not an SQLite file.");
    }
  }
}
