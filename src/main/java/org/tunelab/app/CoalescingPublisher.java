package org.tunelab.app;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one way background results reach the UI. Publishing keeps only the newest value and posts at
 * most one task to the UI thread at a time, so a study that writes a hundred trials a second causes a
 * handful of UI updates, each with the latest state, instead of a flood of stale ones.
 *
 * <p>{@link #publish} may be called from any thread; the consumer runs on the UI executor.
 *
 * @param <T> an immutable value, since it crosses threads
 */
public final class CoalescingPublisher<T> {
  private final TaskExecutor executor;
  private final Consumer<? super T> consumer;
  private final AtomicReference<T> latest = new AtomicReference<>();
  private final AtomicBoolean pending = new AtomicBoolean();

  public CoalescingPublisher(TaskExecutor executor, Consumer<? super T> consumer) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
  }

  /** Hands {@code value} to the UI, replacing any value not delivered yet. */
  public void publish(T value) {
    latest.set(Objects.requireNonNull(value, "value"));
    if (pending.compareAndSet(false, true)) executor.runOnUi(this::deliver);
  }

  private void deliver() {
    // clear the flag before taking the value: a value published after this point schedules its own
    // delivery instead of being lost
    pending.set(false);
    T value = latest.getAndSet(null);
    if (value != null) consumer.accept(value);
  }
}
