package org.tunelab.storage;

/** The in-memory store against the shared storage contract. */
class InMemoryStorageTest extends StorageContract {
  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
