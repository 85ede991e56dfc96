package org.tunelab.app;

import java.time.Duration;

/**
 * Where the app's work runs: storage reads and other slow work in the background, results on the UI
 * thread. View models take one of these instead of touching threads, so unit tests can pass a
 * synchronous executor and step the periodic tasks by hand.
 */
public interface TaskExecutor {

  /** Runs {@code task} on a background thread; never on the UI thread. */
  void execute(Runnable task);

  /** Runs {@code task} on the UI thread, later (or at once in a synchronous executor). */
  void runOnUi(Runnable task);

  /**
   * Runs {@code task} on a background thread every {@code period} until the returned handle is
   * closed. Runs of one task never overlap.
   */
  Cancellable every(Duration period, Runnable task);

  /** Stops accepting work and lets running tasks finish within a short grace period. */
  void shutdown();

  /** A handle that stops a periodic task. */
  @FunctionalInterface
  interface Cancellable extends AutoCloseable {
    @Override
    void close();
  }
}
