package org.tunelab.app;

import java.nio.file.Path;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.Storages;

/**
 * Opens SQLite files in Optuna's schema through {@link Storages}. Opening for viewing checks the file
 * first, because the store would otherwise create a new database at a mistyped path.
 */
public final class SqliteStorageOpener implements StorageOpener {

  @Override
  public Storage open(DatabaseLocation location) {
    DatabaseFiles.requireSqliteFile(location.file());
    try {
      return Storages.open(location.url(), Path.of(""));
    } catch (StorageException e) {
      throw new DatabaseOpenException(location.shortName() + " is not an Optuna database, or it cannot be read.", e);
    }
  }

  @Override
  public Storage openOrCreate(DatabaseLocation location) {
    return Storages.open(location.url(), Path.of(""));
  }
}
