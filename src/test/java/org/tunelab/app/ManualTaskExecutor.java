package org.tunelab.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A synchronous {@link TaskExecutor} for view-model tests: background work runs at once on the test
 * thread, UI tasks queue until {@link #settle()}, and periodic tasks run only on {@link #tick()}.
 */
final class ManualTaskExecutor implements TaskExecutor {
  private final Deque<Runnable> ui = new ArrayDeque<>();
  private final List<Runnable> periodic = new ArrayList<>();
  int uiTasksRun;

  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public void runOnUi(Runnable task) {
    ui.add(task);
  }

  @Override
  public Cancellable every(Duration period, Runnable task) {
    periodic.add(task);
    return () -> periodic.remove(task);
  }

  @Override
  public void shutdown() {
    periodic.clear();
  }

  /** Runs queued UI tasks, and those they queue, until none is left. */
  void settle() {
    Runnable r;
    while ((r = ui.poll()) != null) {
      uiTasksRun++;
      r.run();
    }
  }

  /** One round of every periodic task (the live poll), then the UI tasks it produced. */
  void tick() {
    for (Runnable r : List.copyOf(periodic)) r.run();
    settle();
  }

  int pendingUiTasks() {
    return ui.size();
  }

  int periodicTasks() {
    return periodic.size();
  }
}
