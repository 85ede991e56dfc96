package org.tunelab.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.storage.Storage;

/**
 * Sends the heartbeats of the trials an executor runs, every interval, in one transaction, on one
 * daemon thread. A failed heartbeat is logged and retried at the next interval: a busy store for a
 * moment must not stop the trials.
 */
final class Heartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
  private final ScheduledExecutorService timer;

  /** Starts beating for whatever {@code running} holds at each beat. */
  Heartbeats(Storage storage, Collection<Long> running, Duration every, String study) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tunelab-heartbeat-" + study);
      t.setDaemon(true);
      return t;
    });
    long millis = every.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      if (running.isEmpty()) return;
      try {
        storage.recordHeartbeats(new ArrayList<>(running));
      } catch (RuntimeException e) {
        LOG.warn("heartbeat of study {} failed: {}", study, e.getMessage());
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
