package org.tunelab.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;

/** A store whose every call fails while {@link #failing} is set, as a locked or vanished file would. */
final class FailingStorage {
  volatile boolean failing;
  final Storage proxy;

  FailingStorage(Storage delegate) {
    proxy = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (p, method, args) -> {
          if (failing && !method.getName().equals("close") && !method.getName().equals("describe")) {
            throw new StorageException("disk on fire");
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
