package org.tunelab.app.design;

import java.time.Duration;
import org.tunelab.app.TaskExecutor;

/** Runs background and UI work at once on the calling thread, for view-model tests. */
final class DirectExecutor implements TaskExecutor {
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
