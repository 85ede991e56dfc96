package org.tunelab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a program for a trial: the command template, where, with which extra environment,
 * for how long, and how to read its result.
 *
 * @param template the command line with {@code {param}} placeholders
 * @param workdir the working directory (absolute, or relative to the JVM's)
 * @param env extra environment variables, added to TuneLab's own
 * @param timeout the limit per trial, or {@code null} for none; a program over it is killed
 * @param metric patterns for programs without the report protocol, or {@code null}
 * @param grace how long a program told to stop (pruned, or the run stopped) may take before it is killed
 */
public record TrialCommand(CommandTemplate template, Path workdir, Map<String, String> env, Duration timeout,
    MetricPattern metric, Duration grace) {
  /** The grace period when none is given. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  public TrialCommand {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(workdir, "workdir");
    env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
    }
    grace = grace == null ? DEFAULT_GRACE : grace;
    if (grace.isNegative()) throw new IllegalArgumentException("grace must be >= 0, got " + grace);
  }

  /** A command with no extra environment, no metric patterns and the default grace period. */
  public static TrialCommand of(CommandTemplate template, Path workdir, Duration timeout) {
    return new TrialCommand(template, workdir, Map.of(), timeout, null, null);
  }
}
