package org.tunelab.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tunelab.space.Distribution;
import org.tunelab.trial.TrialState;

/**
 * Everything one logical write changes on a trial, applied by {@link Storage#updateTrial} in one
 * transaction. Empty parts change nothing; a {@code null} state keeps the current state.
 *
 * <pre>{@code
 * storage.updateTrial(id, TrialUpdate.builder()
 *     .param("lr", FloatDistribution.log(1e-5, 1e-1), 0.01)
 *     .state(TrialState.COMPLETE).values(List.of(0.93))
 *     .build());
 * }</pre>
 *
 * @param params internal values with their distributions, by name
 * @param values one per objective; required with COMPLETE, optional with PRUNED
 */
public record TrialUpdate(
    Map<String, ParamValue> params,
    SortedMap<Integer, Double> intermediateValues,
    Map<String, Object> userAttrs,
    Map<String, Object> systemAttrs,
    TrialState state,
    List<Double> values) {

  /** A parameter in Optuna's internal representation. */
  public record ParamValue(Distribution distribution, double internal) {}

  public TrialUpdate {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    intermediateValues = Collections.unmodifiableSortedMap(
        new TreeMap<>(intermediateValues == null ? Map.of() : intermediateValues));
    userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs == null ? Map.of() : userAttrs));
    systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs == null ? Map.of() : systemAttrs));
    values = values == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return params.isEmpty() && intermediateValues.isEmpty() && userAttrs.isEmpty() && systemAttrs.isEmpty()
        && state == null && values == null;
  }

  /** Collects the parts of an update; not thread-safe. */
  public static final class Builder {
    private final Map<String, ParamValue> params = new LinkedHashMap<>();
    private final SortedMap<Integer, Double> intermediate = new TreeMap<>();
    private final Map<String, Object> userAttrs = new LinkedHashMap<>();
    private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    private TrialState state;
    private List<Double> values;

    public Builder param(String name, Distribution distribution, double internal) {
      params.put(name, new ParamValue(distribution, internal));
      return this;
    }

    public Builder intermediateValue(int step, double value) {
      intermediate.put(step, value);
      return this;
    }

    public Builder userAttr(String key, Object value) {
      userAttrs.put(key, value);
      return this;
    }

    public Builder systemAttr(String key, Object value) {
      systemAttrs.put(key, value);
      return this;
    }

    public Builder state(TrialState state) {
      this.state = state;
      return this;
    }

    public Builder values(List<Double> values) {
      this.values = values;
      return this;
    }

    public boolean isEmpty() {
      return params.isEmpty() && intermediate.isEmpty() && userAttrs.isEmpty() && systemAttrs.isEmpty()
          && state == null && values == null;
    }

    public TrialUpdate build() {
      return new TrialUpdate(params, intermediate, userAttrs, systemAttrs, state, values);
    }

    /** Empties the builder so that it can collect the next write. */
    public void clear() {
      params.clear();
      intermediate.clear();
      userAttrs.clear();
      systemAttrs.clear();
      state = null;
      values = null;
    }
  }
}
