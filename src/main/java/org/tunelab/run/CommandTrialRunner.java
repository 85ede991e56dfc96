package org.tunelab.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.json.PythonJson;
import org.tunelab.study.Trial;
import org.tunelab.study.TrialPrunedException;

/**
 * Runs a program on this machine per trial, as a {@link TrialRunner}. The arguments come from the
 * command template (no shell ever runs); the program sees its parameters as
 * {@code TUNELAB_PARAM_<NAME>} variables and in the JSON file named by {@code TUNELAB_PARAMS_FILE},
 * plus {@code TUNELAB_TRIAL_NUMBER}, {@code TUNELAB_TRIAL_ID}, {@code TUNELAB_STUDY} and, with GPUs,
 * {@code CUDA_VISIBLE_DEVICES}. Stdout and stderr go to {@code trial-<number>.log} in the context's
 * log directory (linked from the trial's system attribute {@code tunelab:log}) and to the output
 * listener; stdout is read for reports ({@link ReportReader}).
 *
 * <p>When the pruner says stop, the program gets SIGTERM (which it may catch to stop cleanly) and,
 * after the command's grace period, SIGKILL with its whole process tree; the trial ends PRUNED. A
 * program over its timeout is killed at once.
 *
 * <pre>{@code
 * TrialRunner runner = new CommandTrialRunner(TrialCommand.of(
 *     CommandTemplate.parse("python3 train.py --lr {lr}", List.of("lr")), Path.of("."), Duration.ofMinutes(30)));
 * }</pre>
 */
public final class CommandTrialRunner implements TrialRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CommandTrialRunner.class);
  /** The trial system attribute naming the log file. */
  public static final String LOG_ATTR = "tunelab:log";
  private static final int STDERR_TAIL_LINES = 20;
  private static final long POLL_MILLIS = 20;

  private final TrialCommand command;

  public CommandTrialRunner(TrialCommand command) {
    this.command = Objects.requireNonNull(command, "command");
  }

  public TrialCommand command() {
    return command;
  }

  @Override
  public List<Double> run(Trial trial, TrialContext context) throws InterruptedException {
    Path workdir = command.workdir();
    if (!Files.isDirectory(workdir)) throw new CommandFailedException("workdir " + workdir + " is not a directory");
    List<String> argv = command.template().argv(trial.params());
    TrialFiles files = TrialFiles.create(context.logDir(), trial.number(), PythonJson.write(trial.params()));
    try {
      // The executor has stored the runner already; a runner used alone (CommandObjective) stores it here.
      if (!RunnerIdentity.self().toAttr().equals(trial.snapshot().systemAttrs().get(RunnerIdentity.ATTR))) {
        trial.setSystemAttr(RunnerIdentity.ATTR, RunnerIdentity.self().toAttr());
      }
      if (files.log() != null) trial.setSystemAttr(LOG_ATTR, files.log().toString());
      trial.flush();
      ProcessBuilder builder = new ProcessBuilder(argv).directory(workdir.toFile());
      builder.environment().putAll(environment(trial, context, files.params()));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new CommandFailedException("cannot start " + argv.get(0) + " in " + workdir + ": " + e.getMessage());
      }
      return supervise(trial, context, argv, files, process);
    } finally {
      files.deleteTemporary();
    }
  }

  private Map<String, String> environment(Trial trial, TrialContext context, Path paramsFile) {
    return environment(command, trial.params(), paramsFile, trial.number(), trial.trialId(),
        trial.study().studyName(), context.gpus());
  }

  /**
   * The variables a trial's program gets on top of TuneLab's own environment: the command's
   * {@code env}, one {@code TUNELAB_PARAM_<NAME>} per active parameter, the params file, the trial's
   * number, id and study, and {@code CUDA_VISIBLE_DEVICES} when GPUs are handed out. Public so the
   * study designer previews exactly what a run sets.
   */
  public static Map<String, String> environment(TrialCommand command, Map<String, ?> params, Path paramsFile,
      int number, long trialId, String study, List<String> gpus) {
    Map<String, String> env = new LinkedHashMap<>(command.env());
    params.forEach((name, value) -> env.put(paramVariable(name), CommandTemplate.format(value)));
    env.put("TUNELAB_PARAMS_FILE", paramsFile.toString());
    env.put("TUNELAB_TRIAL_NUMBER", String.valueOf(number));
    env.put("TUNELAB_TRIAL_ID", String.valueOf(trialId));
    env.put("TUNELAB_STUDY", study);
    if (!gpus.isEmpty()) env.put("CUDA_VISIBLE_DEVICES", String.join(",", gpus));
    return env;
  }

  /** {@code TUNELAB_PARAM_} and the name in upper case with anything but letters and digits as {@code _}. */
  public static String paramVariable(String name) {
    return "TUNELAB_PARAM_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private List<Double> supervise(Trial trial, TrialContext context, List<String> argv, TrialFiles files,
      Process process) throws InterruptedException {
    ProcessTree.register(process);
    closeStdin(process);
    Deque<String> stderrTail = new ArrayDeque<>();
    Object pruneSignal = new Object();
    ReportReader reports = new ReportReader(trial, command.metric(), () -> {
      synchronized (pruneSignal) {
        pruneSignal.notifyAll();
      }
    });
    TrialOutputListener listener = context.output();
    int number = trial.number();
    try (OutputStream log = files.openLog()) {
      OutputPump out = new OutputPump(process.getInputStream(), log, line -> {
        reports.accept(line);
        tell(listener, number, false, line);
      });
      OutputPump err = new OutputPump(process.getErrorStream(), log, line -> {
        synchronized (stderrTail) {
          stderrTail.addLast(line);
          if (stderrTail.size() > STDERR_TAIL_LINES) stderrTail.removeFirst();
        }
        tell(listener, number, true, line);
      });
      Thread outThread = daemon(out, "tunelab-trial-" + number + "-stdout");
      Thread errThread = daemon(err, "tunelab-trial-" + number + "-stderr");
      boolean timedOut = waitForExit(process, reports, pruneSignal);
      outThread.join(2000);
      errThread.join(2000);
      if (out.logFailure() != null || err.logFailure() != null) {
        LOG.warn("could not write the log of trial {}: {}", number, (out.logFailure() != null ? out : err).logFailure());
      }
      String last = lastLine(stderrTail);
      return outcome(argv, process, timedOut, reports, last);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the log of trial " + number + ": " + e.getMessage());
    } finally {
      if (process.isAlive()) ProcessTree.kill(process);
      ProcessTree.unregister(process);
    }
  }

  /**
   * Waits for the program, enforcing the timeout and a prune; returns whether it timed out. Kills
   * the tree when the calling thread is interrupted, then rethrows.
   */
  private boolean waitForExit(Process process, ReportReader reports, Object pruneSignal) throws InterruptedException {
    long start = System.nanoTime();
    long timeoutNanos = command.timeout() == null ? Long.MAX_VALUE : command.timeout().toNanos();
    long killAt = Long.MAX_VALUE;
    List<ProcessHandle> tree = List.of();
    try {
      while (true) {
        if (reports.pruned() && killAt == Long.MAX_VALUE) {
          tree = ProcessTree.descendants(process);
          ProcessTree.terminate(process);
          killAt = System.nanoTime() + command.grace().toNanos();
        }
        long now = System.nanoTime();
        if (now >= killAt) {
          ProcessTree.kill(process);
          process.waitFor();
          break;
        }
        if (now - start >= timeoutNanos) {
          ProcessTree.kill(process);
          process.waitFor();
          return true;
        }
        long waitNanos = Math.min(Math.min(timeoutNanos - (now - start), killAt - now),
            TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        if (process.waitFor(Math.max(waitNanos, 1), TimeUnit.NANOSECONDS)) break;
      }
      // A program that exits after SIGTERM may leave children that ignored it.
      ProcessTree.killSurvivors(tree);
      return false;
    } catch (InterruptedException e) {
      ProcessTree.kill(process);
      throw e;
    }
  }

  private List<Double> outcome(List<String> argv, Process process, boolean timedOut, ReportReader reports,
      String lastError) {
    if (reports.pruned()) throw new TrialPrunedException("pruned; the program was told to stop");
    if (timedOut) {
      long ms = command.timeout().toMillis();
      throw new CommandFailedException("timed out after " + (ms < 1000 ? ms + "ms" : ms / 1000 + "s")
          + " and was killed: " + String.join(" ", argv));
    }
    int exit = process.exitValue();
    if (exit != 0) {
      String signal = exit > 128 && exit < 160 ? " (killed by signal " + (exit - 128) + ")" : "";
      throw new CommandFailedException("exit code " + exit + signal + " from " + argv.get(0)
          + (lastError.isEmpty() ? "" : ": " + lastError));
    }
    if (reports.error() != null) throw new CommandFailedException(reports.error());
    List<Double> result = reports.result();
    if (result == null) {
      throw new CommandFailedException(argv.get(0) + " printed no value: end with a line @tunelab {\"value\": ...}"
          + (command.metric() != null ? ", a line matching the metric pattern" : "") + " or a plain number on stdout");
    }
    return result;
  }

  private static void tell(TrialOutputListener listener, int number, boolean stderr, String line) {
    if (listener == null) return;
    try {
      listener.line(number, stderr, line);
    } catch (RuntimeException e) {
      LOG.warn("output listener failed on trial {}: {}", number, e.toString());
    }
  }

  private static String lastLine(Deque<String> tail) {
    synchronized (tail) {
      for (var it = tail.descendingIterator(); it.hasNext(); ) {
        String line = it.next();
        if (!line.isBlank()) return line.strip();
      }
    }
    return "";
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void closeStdin(Process process) {
    try {
      process.getOutputStream().close(); // the program gets EOF instead of waiting for input
    } catch (IOException ignored) {
      // It may already have exited.
    }
  }

  @Override
  public String toString() {
    return command.template() + " in " + command.workdir();
  }
}
