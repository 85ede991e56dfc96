package org.tunelab.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.storage.Storage;

/** Hands out in-memory stores by path, so view-model tests run without files. */
final class InMemoryOpener implements StorageOpener {
  private final Map<Path, InMemoryStorage> stores = new HashMap<>();

  InMemoryStorage add(Path path) {
    return stores.computeIfAbsent(DatabaseLocation.of(path).file(), p -> new InMemoryStorage());
  }

  @Override
  public synchronized Storage open(DatabaseLocation location) {
    Storage s = stores.get(location.file());
    if (s == null) throw new DatabaseOpenException("The file " + location.file() + " does not exist.");
    return s;
  }

  @Override
  public synchronized Storage openOrCreate(DatabaseLocation location) {
    return add(location.file());
  }
}
