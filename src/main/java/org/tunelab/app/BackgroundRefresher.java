package org.tunelab.app;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes something slow in the background whenever its inputs change, and hands the newest
 * result to the UI. At most one computation runs at a time; requests that arrive meanwhile are
 * folded into one more run after it, so a live study that changes ten times a second costs at most
 * one computation in flight and one queued, and the UI never waits for any of them.
 *
 * <p>{@link #request} is called on the UI thread; the supplier runs on a background thread and must
 * only read immutable inputs captured when it was made; the consumer runs on the UI thread.
 *
 * @param <T> the result, handed across threads, so immutable or never touched again by the supplier
 */
final class BackgroundRefresher<T> {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresher.class);
  private final TaskExecutor executor;
  private final CoalescingPublisher<Result<T>> publisher;
  private Supplier<T> pending;
  private boolean running;
  private long generation;

  private record Result<T>(long generation, T value, Throwable error) {}

  BackgroundRefresher(TaskExecutor executor, Consumer<? super T> onUi, Consumer<Throwable> onError) {
    this.executor = Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(onError, "onError");
    this.publisher = new CoalescingPublisher<>(executor, r -> {
      if (r.generation() != generation) return; // outdated by a newer request
      if (r.error() != null) onError.accept(r.error());
      else onUi.accept(r.value());
    });
  }

  /** Asks for a computation with these inputs; replaces any request not started yet. */
  void request(Supplier<T> compute) {
    pending = Objects.requireNonNull(compute, "compute");
    generation++;
    if (!running) startNext();
  }

  /** Forgets pending work and results not delivered yet (the study was closed). */
  void cancel() {
    pending = null;
    generation++;
  }

  private void startNext() {
    Supplier<T> job = pending;
    pending = null;
    if (job == null) {
      running = false;
      return;
    }
    running = true;
    long token = generation;
    executor.execute(() -> {
      Result<T> result;
      try {
        result = new Result<>(token, job.get(), null);
      } catch (RuntimeException e) {
        LOG.debug("background computation failed", e);
        result = new Result<>(token, null, e);
      }
      publisher.publish(result);
      executor.runOnUi(this::startNext);
    });
  }
}
