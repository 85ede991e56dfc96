package org.tunelab.storage;

import java.nio.file.Path;
import org.tunelab.storage.jdbc.OptunaSchema;
import org.tunelab.storage.jdbc.SqliteStorage;

/**
 * Opens a {@link Storage} from a URL or path as users write it (see {@link StorageUrl}). The caller
 * owns the returned store and closes it.
 *
 * <pre>{@code
 * try (Storage storage = Storages.open("sqlite:///study.db", Path.of("."))) { ... }
 * }</pre>
 */
public final class Storages {
  private Storages() {}

  /**
   * Opens the store {@code urlOrPath} names, resolving relative paths against {@code baseDir}.
   *
   * @throws IllegalArgumentException for a malformed or unsupported URL (e.g. PostgreSQL, for now)
   * @throws StorageException when the file cannot be opened; the message names it
   */
  public static Storage open(String urlOrPath, Path baseDir) {
    return open(StorageUrl.parse(urlOrPath, baseDir));
  }

  public static Storage open(StorageUrl url) {
    if (url.kind() == StorageUrl.Kind.MEMORY) return new InMemoryStorage();
    OptunaSchema schema = url.schemaRevision() == null ? OptunaSchema.V3_2_0_A
        : OptunaSchema.ofRevision(url.schemaRevision()).orElseThrow();
    return SqliteStorage.open(url.path(), schema);
  }
}
