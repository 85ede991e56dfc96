package org.tunelab.storage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageContract;

/** The SQLite store against the shared storage contract, on a fresh temporary file per test. */
class SqliteStorageTest extends StorageContract {
  @TempDir
  Path dir;

  @Override
  protected Storage newStorage() {
    return SqliteStorage.open(dir.resolve("contract.db"));
  }
}
