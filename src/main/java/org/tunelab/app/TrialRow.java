package org.tunelab.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * One row of the trials table: what the table shows of a trial, immutable so it can be built on a
 * background thread and compared cheaply to decide which rows changed.
 *
 * @param values one per objective; empty when the trial has none
 * @param params the trial's parameters; a parameter the trial did not use is absent (conditional)
 * @param duration run time, or {@code null} while running or never started
 * @param started when it started, or {@code null} for a waiting trial
 * @param userAttrs the trial's user attributes
 */
public record TrialRow(int number, TrialState state, List<Double> values, Map<String, Object> params,
    Duration duration, LocalDateTime started, Map<String, Object> userAttrs) {

  public TrialRow {
    values = values == null ? List.of() : values;
    params = params == null ? Map.of() : params;
    userAttrs = userAttrs == null ? Map.of() : userAttrs;
  }

  /** A row for {@code trial}; its collections are already immutable, so they are shared, not copied. */
  public static TrialRow of(FrozenTrial trial) {
    return new TrialRow(trial.number(), trial.state(), trial.values(), trial.params(), trial.duration(),
        trial.datetimeStart(), trial.userAttrs());
  }

  /** The value of objective {@code i}, or {@code null} when the trial has none. */
  public Double value(int i) {
    return i < values.size() ? values.get(i) : null;
  }
}
