package org.tunelab.trial;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tunelab.space.Distribution;

/**
 * A snapshot of one trial as stored. Immutable: every collection is an unmodifiable copy, so a
 * snapshot may be shared across threads and held by views while the study goes on.
 *
 * @param trialId the store-wide id ({@code trials.trial_id})
 * @param number the 0-based number within its study
 * @param values one value per objective, or {@code null} when the trial has none (running, failed)
 * @param datetimeStart when it started running; {@code null} for a waiting trial
 * @param datetimeComplete when it finished; {@code null} until then
 * @param params parameter values in their user-facing form, in the order they were set
 * @param distributions the distribution of each parameter
 * @param intermediateValues reported values by step
 */
public record FrozenTrial(
    long trialId,
    int number,
    TrialState state,
    List<Double> values,
    LocalDateTime datetimeStart,
    LocalDateTime datetimeComplete,
    Map<String, Object> params,
    Map<String, Distribution> distributions,
    Map<String, Object> userAttrs,
    Map<String, Object> systemAttrs,
    SortedMap<Integer, Double> intermediateValues) {

  public FrozenTrial {
    Objects.requireNonNull(state, "state");
    values = values == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(values));
    params = frozen(params);
    distributions = frozen(distributions);
    userAttrs = frozen(userAttrs);
    systemAttrs = frozen(systemAttrs);
    intermediateValues = Collections.unmodifiableSortedMap(
        intermediateValues == null ? new TreeMap<>() : new TreeMap<>(intermediateValues));
  }

  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The single objective value; throws when the study has several objectives or none was recorded. */
  public double value() {
    if (values == null || values.isEmpty()) {
      throw new IllegalStateException("trial " + number + " (" + state + ") has no value");
    }
    if (values.size() > 1) {
      throw new IllegalStateException("trial " + number + " has " + values.size() + " values; use values()");
    }
    return values.get(0);
  }

  public boolean hasValues() {
    return values != null && !values.isEmpty();
  }

  /** Run time, or {@code null} when it has not both started and finished. */
  public Duration duration() {
    return datetimeStart == null || datetimeComplete == null ? null
        : Duration.between(datetimeStart, datetimeComplete);
  }

  /** The last step reported, or {@code null} when none was. */
  public Integer lastStep() {
    return intermediateValues.isEmpty() ? null : intermediateValues.lastKey();
  }

  /** The internal (Optuna) representation of a parameter, as samplers compute with it. */
  public double internalParam(String name) {
    return distributions.get(name).toInternal(params.get(name));
  }
}
