package org.tunelab.study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.study.OptimizeResult.StopReason;

/**
 * One {@link Study#optimize} call: {@code workers} threads each ask, evaluate and tell until the
 * budget, the timeout or a stop ends the loop. While it runs, a shutdown hook fails the trials in
 * flight, so Ctrl+C or a SIGTERM never leaves a trial RUNNING in the store.
 */
final class OptimizeLoop {
  private static final Logger LOG = LoggerFactory.getLogger(OptimizeLoop.class);

  /** The objective with its result as a list, one value per direction. */
  @FunctionalInterface
  interface Evaluation {
    List<Double> evaluate(Trial trial) throws Exception;
  }

  private final Study study;
  private final Evaluation evaluation;
  private final OptimizeOptions options;
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicReference<ObjectiveException> failure = new AtomicReference<>();
  private long deadlineNanos;

  OptimizeLoop(Study study, Evaluation evaluation, OptimizeOptions options) {
    this.study = study;
    this.evaluation = evaluation;
    this.options = options;
  }

  OptimizeResult run() {
    long begin = System.nanoTime();
    deadlineNanos = options.timeout() == null ? Long.MAX_VALUE : begin + options.timeout().toNanos();
    study.clearStop();
    Thread hook = new Thread(() -> {
      int n = study.failRunningTrials("TuneLab was stopped while the trial ran");
      if (n > 0) LOG.warn("marked {} running trial(s) of study {} as failed on shutdown", n, study.studyName());
    }, "tunelab-shutdown-" + study.studyName());
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (options.workers() == 1) {
        work();
      } else {
        runInParallel();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook does its job.
      }
    }
    if (failure.get() != null) throw failure.get();
    return new OptimizeResult(finished.get(), reason(), Duration.ofNanos(System.nanoTime() - begin));
  }

  private void runInParallel() {
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
      Thread t = new Thread(r, "tunelab-worker-" + study.studyName());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < options.workers(); i++) futures.add(pool.submit(this::work));
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a worker died unexpectedly", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          study.stop();
          throw new IllegalStateException("interrupted while optimizing", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void work() {
    while (mayStartAnother()) {
      runOne();
    }
  }

  private boolean mayStartAnother() {
    if (study.isStopRequested() || failure.get() != null || Thread.currentThread().isInterrupted()) return false;
    if (System.nanoTime() >= deadlineNanos) return false;
    if (options.trials() == null) return true;
    return started.getAndIncrement() < options.trials();
  }

  private void runOne() {
    Trial trial = options.space() == null ? study.ask() : study.ask(options.space());
    try {
      List<Double> values = evaluation.evaluate(trial);
      study.tell(trial, values);
    } catch (TrialPrunedException pruned) {
      study.prune(trial);
    } catch (Exception | Error e) {
      study.fail(trial, describe(e));
      if (e instanceof Error err && !(e instanceof AssertionError)) throw err;
      if (!options.continueOnFailure()) {
        failure.compareAndSet(null, new ObjectiveException(trial.number(), e));
        study.stop();
      } else {
        LOG.warn("trial {} failed: {}", trial.number(), describe(e));
      }
    } finally {
      finished.incrementAndGet();
    }
  }

  /**
   * The stored failure reason: TuneLab's own exceptions already say what happened; for anything else
   * the exception's type is part of the story ({@code NullPointerException: ...}).
   */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) return e.getClass().getSimpleName();
    return e.getClass().getName().startsWith("org.tunelab.") ? message : e.getClass().getSimpleName() + ": " + message;
  }

  private StopReason reason() {
    if (options.trials() != null && finished.get() >= options.trials()) return StopReason.BUDGET;
    if (System.nanoTime() >= deadlineNanos) return StopReason.TIMEOUT;
    return StopReason.STOPPED;
  }
}
