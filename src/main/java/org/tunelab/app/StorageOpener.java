package org.tunelab.app;

import org.tunelab.storage.Storage;

/**
 * Opens stores for the app; the app's is {@link SqliteStorageOpener}, tests pass one that hands out
 * in-memory stores. Called on background threads, never on the UI thread.
 */
public interface StorageOpener {

  /**
   * Opens an existing database for reading and watching; never creates or changes a file. Throws
   * {@link DatabaseOpenException} with a message for the user when the location is missing or is not
   * a TuneLab/Optuna database.
   */
  Storage open(DatabaseLocation location);

  /** Opens the database, creating it when it does not exist yet (the demo writes through this). */
  Storage openOrCreate(DatabaseLocation location);
}
