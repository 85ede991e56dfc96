package org.tunelab.study;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.TrialWriteRules;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * A running trial, handed to an objective: it suggests parameter values and takes reports.
 *
 * <p>A parameter suggested twice returns the same value. Values come, in order of precedence, from
 * parameters fixed when the trial was enqueued, from the sampler's joint (relative) sample, and from
 * the sampler's independent sample. Parameters and attributes are written to the storage together
 * with the next {@link #report} or when the trial finishes, so that one trial costs few
 * transactions; {@link #flush()} writes them at once.
 *
 * <p>Thread-safe: an objective may report from several threads.
 */
public final class Trial {
  private final Study study;
  private final long trialId;
  private final int number;
  private final LocalDateTime datetimeStart;
  private final Map<String, Object> fixedParams;
  private final Map<String, Double> relativeParams = new LinkedHashMap<>();
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();
  private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
  private final SortedMap<Integer, Double> intermediateValues = new TreeMap<>();
  private final TrialUpdate.Builder pending = TrialUpdate.builder();

  Trial(Study study, FrozenTrial stored) {
    this.study = study;
    this.trialId = stored.trialId();
    this.number = stored.number();
    this.datetimeStart = stored.datetimeStart();
    this.params.putAll(stored.params());
    this.distributions.putAll(stored.distributions());
    this.userAttrs.putAll(stored.userAttrs());
    this.systemAttrs.putAll(stored.systemAttrs());
    this.intermediateValues.putAll(stored.intermediateValues());
    this.fixedParams = stored.systemAttrs().get("fixed_params") instanceof Map<?, ?> fixed
        ? castMap(fixed) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  public int number() {
    return number;
  }

  public long trialId() {
    return trialId;
  }

  public Study study() {
    return study;
  }

  /** A float in {@code [low, high]}. */
  public double suggestFloat(String name, double low, double high) {
    return (double) suggest(name, FloatDistribution.of(low, high));
  }

  /** A float in {@code [low, high]} on a grid of {@code step}. */
  public double suggestFloat(String name, double low, double high, double step) {
    return (double) suggest(name, FloatDistribution.stepped(low, high, step));
  }

  /** A float in {@code [low, high]}, sampled on a log scale. */
  public double suggestFloatLog(String name, double low, double high) {
    return (double) suggest(name, FloatDistribution.log(low, high));
  }

  public long suggestInt(String name, long low, long high) {
    return (long) suggest(name, IntDistribution.of(low, high));
  }

  public long suggestInt(String name, long low, long high, long step) {
    return (long) suggest(name, IntDistribution.stepped(low, high, step));
  }

  public long suggestIntLog(String name, long low, long high) {
    return (long) suggest(name, IntDistribution.log(low, high));
  }

  /** One of {@code choices}; the returned object is the element of the list (numbers as Long/Double). */
  public Object suggestCategorical(String name, List<?> choices) {
    return suggest(name, new CategoricalDistribution(new java.util.ArrayList<Object>(choices))); // List.copyOf refuses null choices
  }

  /** A value of {@code distribution} in its user-facing form (Double, Long, or a choice). */
  public synchronized Object suggest(String name, Distribution distribution) {
    Distribution known = distributions.get(name);
    if (known != null) {
      TrialWriteRules.checkCompatible(name, known, distribution);
      return params.get(name);
    }
    double internal = choose(name, distribution);
    Object external = distribution.toExternal(internal);
    params.put(name, external);
    distributions.put(name, distribution);
    pending.param(name, distribution, internal);
    return external;
  }

  private double choose(String name, Distribution distribution) {
    if (fixedParams.containsKey(name)) {
      Object fixed = fixedParams.get(name);
      double internal = distribution.toInternal(fixed);
      if (!distribution.contains(internal)) {
        throw new IllegalArgumentException("enqueued value " + fixed + " of \"" + name + "\" is outside "
            + distribution.describe());
      }
      return internal;
    }
    if (distribution.isSingle()) return distribution.toInternal(singleValue(distribution));
    Double relative = relativeParams.get(name);
    if (relative != null && distribution.contains(relative)) return relative;
    FrozenTrial snapshot = snapshot();
    return study.sampler().sampleIndependent(study.pruner().samplerView(study, snapshot), snapshot, name, distribution);
  }

  private static Object singleValue(Distribution d) {
    if (d instanceof FloatDistribution f) return f.low();
    if (d instanceof IntDistribution i) return i.low();
    return ((CategoricalDistribution) d).choices().get(0);
  }

  /**
   * Records an intermediate value, written at once with anything pending. A step reported twice
   * keeps its first value, as in Optuna.
   */
  public synchronized void report(int step, double value) {
    if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
    if (intermediateValues.containsKey(step)) return;
    intermediateValues.put(step, value);
    pending.intermediateValue(step, value);
    flush();
  }

  /** Asks the study's pruner whether this trial should stop now. */
  public boolean shouldPrune() {
    return study.pruner().prune(study, snapshot());
  }

  public synchronized void setUserAttr(String key, Object value) {
    userAttrs.put(key, value);
    pending.userAttr(key, value);
  }

  public synchronized void setSystemAttr(String key, Object value) {
    systemAttrs.put(key, value);
    pending.systemAttr(key, value);
  }

  /** Parameters suggested so far, in their user-facing form. */
  public synchronized Map<String, Object> params() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public synchronized Map<String, Object> userAttrs() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
  }

  /** Writes pending parameters and attributes now, in one transaction. */
  public synchronized void flush() {
    if (pending.isEmpty()) return;
    study.storage().updateTrial(trialId, pending.build());
    pending.clear();
  }

  /** A snapshot as the store will hold it once pending writes are flushed. */
  public synchronized FrozenTrial snapshot() {
    return new FrozenTrial(trialId, number, TrialState.RUNNING, null, datetimeStart, null, params, distributions,
        userAttrs, systemAttrs, intermediateValues);
  }

  /** The pending writes plus {@code finish}, as one update; empties the pending writes. */
  synchronized TrialUpdate finishWith(TrialState state, List<Double> values) {
    TrialUpdate update = pending.state(state).values(values).build();
    pending.clear();
    return update;
  }

  synchronized void setRelativeParams(Map<String, Double> relative) {
    relativeParams.putAll(relative);
  }

  /** Records a system attribute a sampler wrote through the study, so snapshots show it. */
  synchronized void noteSystemAttr(String key, Object value) {
    systemAttrs.put(key, value);
  }

  synchronized Double lastIntermediateValue() {
    return intermediateValues.isEmpty() ? null : intermediateValues.get(intermediateValues.lastKey());
  }

  @Override
  public String toString() {
    return "Trial " + number + " " + params();
  }
}
