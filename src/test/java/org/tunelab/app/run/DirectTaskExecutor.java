package org.tunelab.app.run;

import java.time.Duration;
import org.tunelab.app.TaskExecutor;

/** Runs everything at once on the calling thread; periodic tasks run only when a test calls them. */
final class DirectTaskExecutor implements TaskExecutor {
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
    return () -> { };
  }

  @Override
  public void shutdown() {}
}
