package org.tunelab.app;

import java.time.Duration;

/** Runs background and UI work at once on the calling thread, for view-model tests; periodic tasks never run. */
public final class DirectTaskExecutor implements TaskExecutor {
  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public void runOnUi(Runnable task) {
    task.run();
  }

  @Override
  public Cancellable every(Duration period, Runnable task) {
    return () -> {};
  }

  @Override
  public void shutdown() {}
}
