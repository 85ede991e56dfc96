package org.tunelab.app;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's real executor: a small pool for background work, one scheduler thread for polling, and
 * {@link Platform#runLater} for the UI. Threads are daemons so a stuck read never keeps the JVM alive
 * after the window closed.
 */
public final class FxTaskExecutor implements TaskExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

  private final ExecutorService background = Executors.newCachedThreadPool(daemons("tunelab-bg"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemons("tunelab-poll"));

  @Override
  public void execute(Runnable task) {
    background.execute(logged(task));
  }

  @Override
  public void runOnUi(Runnable task) {
    Platform.runLater(task);
  }

  @Override
  public Cancellable every(Duration period, Runnable task) {
    // fixed delay, not rate: a slow read is never followed by a burst of catch-up reads
    ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(logged(task), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void shutdown() {
    scheduler.shutdownNow();
    background.shutdown();
    try {
      if (!background.awaitTermination(2, TimeUnit.SECONDS)) background.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task that logs what escapes it: the background is the top level, and a periodic task would die silently. */
  private static Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("background task failed", e);
      }
    };
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
