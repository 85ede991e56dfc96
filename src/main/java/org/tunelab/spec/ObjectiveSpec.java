package org.tunelab.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@code objective:} entry of a spec: a built-in function or a command line. */
public sealed interface ObjectiveSpec permits ObjectiveSpec.Builtin, ObjectiveSpec.Command {

  /**
   * A built-in test function such as {@code branin}, evaluated in process.
   *
   * @param name a name {@link org.tunelab.functions.BuiltinFunctions#get} knows
   */
  record Builtin(String name) implements ObjectiveSpec {
    public Builtin {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A program run once per trial.
   *
   * @param command the command line with {@code {param}} placeholders, split into arguments without a shell
   * @param workdir where it runs, relative to the spec file's directory; {@code "."} by default
   * @param timeout how long one trial may run, or {@code null} for no limit
   * @param env extra environment variables
   * @param metric patterns that read the value from ordinary output, or {@code null}
   * @param grace how long a program told to stop (pruned) may take before it is killed, or {@code null} for 10s
   * @param retries how often a trial whose runner died, or that was interrupted, is re-queued
   */
  record Command(String command, String workdir, Duration timeout, Map<String, String> env, Metric metric,
      Duration grace, int retries) implements ObjectiveSpec {
    public Command {
      Objects.requireNonNull(command, "command");
      if (command.isBlank()) throw new IllegalArgumentException("command must not be empty");
      if (workdir == null) workdir = ".";
      env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
      if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }

    public Command(String command, String workdir, Duration timeout) {
      this(command, workdir, timeout, Map.of(), null, null, 0);
    }
  }

  /**
   * {@code metric: {regex: 'val_acc=([0-9.]+)', step: 'epoch=(\d+)'}}.
   *
   * @param regex picks the metric (its first group) out of a line of output
   * @param step picks the step, or {@code null} to count matches
   */
  record Metric(String regex, String step) {
    public Metric {
      Objects.requireNonNull(regex, "regex");
    }
  }
}
