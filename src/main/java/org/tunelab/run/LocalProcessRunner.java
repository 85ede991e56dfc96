package org.tunelab.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one program on this machine: arguments as given (no shell), in a working directory, with a
 * time limit. Stdout is handed to a consumer line by line as it arrives (the report protocol is
 * streamed); stderr is drained on its own thread so the program never blocks on a full pipe, and its
 * tail is kept for messages. On timeout or interruption the whole process tree is killed.
 */
public final class LocalProcessRunner {
  private static final int STDERR_TAIL_LINES = 20;
  /** Programs running now; a shutdown hook kills them so that stopping TuneLab leaves none behind. */
  private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(LocalProcessRunner::killTree),
        "tunelab-kill-trial-processes"));
  }

  /**
   * Runs {@code argv} and waits for it.
   *
   * @param timeout the limit, or {@code null} for none
   * @param stdoutLines receives each stdout line, on the calling thread
   * @throws UncheckedIOException when the program cannot be started; the message names it
   * @throws InterruptedException when the calling thread is interrupted (the process is killed first)
   */
  public ProcessOutcome run(List<String> argv, Path workdir, Map<String, String> environment, Duration timeout,
      Consumer<String> stdoutLines) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workdir.toFile());
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    long begin = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + argv.get(0) + " in " + workdir + ": " + e.getMessage(), e);
    }
    RUNNING.add(process);
    closeQuietly(process);
    Deque<String> stderr = new ArrayDeque<>();
    Thread stderrDrain = new Thread(() -> drain(process.getErrorStream(), stderr), "tunelab-stderr");
    stderrDrain.setDaemon(true);
    stderrDrain.start();
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog = new Thread(() -> {
      try {
        if (timeout != null && !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          timedOut.set(true);
          killTree(process);
        }
      } catch (InterruptedException e) {
        // The run finished first and stopped its watchdog.
      }
    }, "tunelab-timeout");
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
        stdoutLines.accept(line);
      }
      int exit = process.waitFor();
      stderrDrain.join(1000);
      List<String> tail;
      synchronized (stderr) {
        tail = new ArrayList<>(stderr);
      }
      return new ProcessOutcome(timedOut.get() ? -1 : exit, timedOut.get(), tail,
          Duration.ofNanos(System.nanoTime() - begin));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the output of " + argv.get(0) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException | RuntimeException e) {
      killTree(process);
      throw e;
    } finally {
      watchdog.interrupt();
      RUNNING.remove(process);
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close(); // the program gets EOF on stdin instead of waiting for input
    } catch (IOException ignored) {
      // Nothing to do: the program may already have exited.
    }
  }

  private static void drain(InputStream in, Deque<String> tail) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > STDERR_TAIL_LINES) tail.removeFirst();
        }
      }
    } catch (IOException ignored) {
      // The stream closes when the process dies; what was read is kept.
    }
  }

  /** Kills the process and everything it started, children first so none is re-parented and left running. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
