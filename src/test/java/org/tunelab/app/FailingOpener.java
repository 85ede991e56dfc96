package org.tunelab.app;

import org.tunelab.storage.Storage;

/** Opens a {@link FailingStorage} around a given store, whose reads can be made to fail. */
final class FailingOpener implements StorageOpener {
  final FailingStorage store;

  FailingOpener(Storage delegate) {
    this.store = new FailingStorage(delegate);
  }

  @Override
  public Storage open(DatabaseLocation location) {
    return store.proxy;
  }

  @Override
  public Storage openOrCreate(DatabaseLocation location) {
    return store.proxy;
  }
}
