package org.tunelab.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Tries every combination of a grid, each once, in a seeded random order, then stops the study. The
 * trials record their grid point as Optuna's GridSampler does (system attributes {@code grid_id}
 * and {@code search_space}), so workers in several processes, and Python Optuna, share one grid:
 * each worker takes a point no finished or running trial holds.
 *
 * <pre>{@code
 * Sampler grid = new GridSampler(Map.of("lr", List.of(0.1, 0.01), "layers", List.of(1, 2, 3)), 0L);
 * }</pre>
 */
public final class GridSampler implements Sampler {
  private final Map<String, List<Object>> grid;
  private final List<String> names;
  private final long size;
  private final long seed;

  /**
   * @param grid the values of each parameter, in their user-facing form; the combination order
   *     follows the sorted parameter names, as in Optuna
   */
  public GridSampler(Map<String, List<?>> grid, long seed) {
    if (grid.isEmpty()) throw new IllegalArgumentException("a grid needs at least one parameter");
    Map<String, List<Object>> sorted = new TreeMap<>();
    long combinations = 1;
    for (Map.Entry<String, List<?>> e : grid.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("grid parameter \"" + e.getKey() + "\" has no values");
      }
      sorted.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
      combinations = Math.multiplyExact(combinations, e.getValue().size());
    }
    this.grid = Collections.unmodifiableMap(sorted);
    this.names = List.copyOf(sorted.keySet());
    this.size = combinations;
    this.seed = seed;
  }

  /**
   * A grid over a search space: every choice, every int and stepped-float value, and
   * {@code pointsPerRange} evenly spaced values (log-spaced on log scales) of continuous floats and
   * of int ranges with more values than that.
   */
  public static GridSampler over(SearchSpace space, int pointsPerRange, long seed) {
    if (pointsPerRange < 2) throw new IllegalArgumentException("points per range must be >= 2, got " + pointsPerRange);
    Map<String, List<?>> grid = new LinkedHashMap<>();
    space.params().forEach(p -> grid.put(p.name(), valuesOf(p.distribution(), pointsPerRange)));
    return new GridSampler(grid, seed);
  }

  private static List<Object> valuesOf(Distribution d, int points) {
    List<Object> out = new ArrayList<>();
    if (d instanceof CategoricalDistribution c) return c.choices();
    if (d instanceof IntDistribution i && i.size() <= points) {
      for (long v = i.low(); v <= i.high(); v += i.step()) out.add(v);
      return out;
    }
    if (d instanceof FloatDistribution f && f.step() != null && Math.round((f.high() - f.low()) / f.step()) < points) {
      long n = Math.round((f.high() - f.low()) / f.step());
      for (long k = 0; k <= n; k++) out.add(d.toExternal(Math.min(f.low() + k * f.step(), f.high())));
      return out;
    }
    boolean log = (d instanceof FloatDistribution f && f.log()) || (d instanceof IntDistribution i && i.log());
    double low = d instanceof FloatDistribution f ? f.low() : ((IntDistribution) d).low();
    double high = d instanceof FloatDistribution f ? f.high() : ((IntDistribution) d).high();
    for (int k = 0; k < points; k++) {
      double t = (double) k / (points - 1);
      double v = log ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low))) : low + t * (high - low);
      // The ends are exact, and rounding inside exp() must not leave the range.
      v = k == 0 ? low : k == points - 1 ? high : Math.min(Math.max(v, low), high);
      Object snapped = snap(d, v);
      if (!out.contains(snapped)) out.add(snapped);
    }
    return out;
  }

  private static Object snap(Distribution d, double v) {
    if (d instanceof IntDistribution i) {
      long k = Math.round((v - i.low()) / i.step());
      return Math.min(i.low() + k * i.step(), i.high());
    }
    FloatDistribution f = (FloatDistribution) d;
    if (f.step() == null) return v;
    return Math.min(f.low() + Math.round((v - f.low()) / f.step()) * f.step(), f.high());
  }

  /** Number of grid points. */
  public long size() {
    return size;
  }

  /**
   * Synchronized so that workers of this process never pick the same point: each sees the grid ids
   * the others wrote. Across processes two workers may still race for one point, as in Optuna.
   */
  @Override
  public synchronized void beforeTrial(StudyView study, FrozenTrial trial) {
    if (trial.systemAttrs().containsKey("grid_id")) return;
    Set<Long> visited = new HashSet<>();
    Set<Long> running = new HashSet<>();
    for (FrozenTrial t : study.trials(Set.of())) {
      if (t.trialId() == trial.trialId() || !(t.systemAttrs().get("grid_id") instanceof Number id)) continue;
      if (t.state().isFinished()) visited.add(id.longValue());
      else if (t.state() == TrialState.RUNNING) running.add(id.longValue());
    }
    List<Long> free = new ArrayList<>();
    for (long id = 0; id < size; id++) {
      if (!visited.contains(id) && !running.contains(id)) free.add(id);
    }
    if (free.isEmpty()) {
      // Every point is taken; another worker's trial may yet fail, so repeat one that is still running.
      for (long id = 0; id < size; id++) if (!visited.contains(id)) free.add(id);
    }
    if (free.isEmpty()) {
      for (long id = 0; id < size; id++) free.add(id);
      study.stop();
    }
    SplittableRandom rng = TrialSeeds.forTrial(seed, trial.number());
    long chosen = free.get(rng.nextInt(free.size()));
    study.setTrialSystemAttr(trial.trialId(), "search_space", grid);
    study.setTrialSystemAttr(trial.trialId(), "grid_id", chosen);
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    if (!grid.containsKey(name)) {
      throw new IllegalArgumentException("parameter \"" + name + "\" is not in the grid (grid parameters: "
          + String.join(", ", names) + ")");
    }
    Object gridId = study.trial(trial.trialId()).systemAttrs().get("grid_id");
    if (!(gridId instanceof Number id)) {
      throw new IllegalStateException("trial " + trial.number() + " has no grid point; beforeTrial did not run");
    }
    Object value = pointOf(id.longValue()).get(name);
    double internal = distribution.toInternal(value);
    if (!distribution.contains(internal)) {
      throw new IllegalArgumentException("grid value " + value + " of \"" + name + "\" is outside "
          + distribution.describe());
    }
    return internal;
  }

  /** The parameter values of grid point {@code id}: the last sorted name varies fastest. */
  public Map<String, Object> pointOf(long id) {
    Map<String, Object> point = new LinkedHashMap<>();
    long rest = id;
    for (int i = names.size() - 1; i >= 0; i--) {
      List<Object> values = grid.get(names.get(i));
      point.put(names.get(i), values.get((int) (rest % values.size())));
      rest /= values.size();
    }
    return point;
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    Set<Long> done = new HashSet<>();
    for (FrozenTrial t : study.trials(Set.of())) {
      boolean finished = t.state().isFinished() || t.trialId() == trial.trialId();
      if (finished && t.systemAttrs().get("grid_id") instanceof Number id) done.add(id.longValue());
    }
    if (done.size() >= size) study.stop();
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "grid");
    s.put("seed", seed);
    s.put("grid", grid);
    return s;
  }
}
