package org.tunelab.sampler.cmaes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.tunelab.sampler.IntersectionSpace;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.UnitSpace;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * CMA-ES over the numeric parameters every COMPLETE trial has, in the unit box, started at the
 * centre with {@code sigma0 = 1/6} (Optuna's defaults); categorical and other parameters are
 * sampled at random. Single objective only.
 *
 * <pre>{@code
 * Sampler cma = CmaEsSampler.builder().seed(1).restarts(true).build();
 * }</pre>
 *
 * <p><b>State from the storage.</b> Nothing is pickled: each trial records its restart, its
 * generation and the point CMA-ES proposed ({@code cma:restart}, {@code cma:generation},
 * {@code cma:x}, plain JSON numbers), and the state is rebuilt by replaying every generation that
 * has {@code lambda} COMPLETE trials (the first {@code lambda} by number), so any worker in any
 * process reaches the same state. Replays are cached and only extended.
 *
 * <p><b>Integer and stepped dimensions</b> use the margin of CMA-ES with Margin (Hamano et al.
 * 2022): after each update the mean is moved so that the probability of leaving the current grid
 * cell towards its nearer neighbour stays at least {@code 1/(d lambda)}, so a discrete coordinate
 * never freezes. The proposed continuous point is kept for the update; the trial gets it rounded.
 *
 * <p><b>IPOP restarts</b> (optional): when the run converges (step size or recent best values
 * collapse, or the covariance is ill-conditioned) a new run starts at a random point with twice the
 * population. <b>Separable</b> CMA-ES (diagonal covariance) suits many dimensions.
 */
public final class CmaEsSampler implements Sampler {
  /** The intersection search space, folded incrementally over the history's stable snapshots. */
  private final IntersectionSpace.Incremental intersection = new IntersectionSpace.Incremental();
  static final String RESTART = "cma:restart";
  static final String GENERATION = "cma:generation";
  static final String X = "cma:x";

  private final long seed;
  private final Integer popsize;
  private final boolean restarts;
  private final boolean separable;
  private final Map<String, Replay> replays = new ConcurrentHashMap<>();

  /** A replay in progress: the current run and the trial numbers it has learned from. */
  private static final class Replay {
    int restart;
    CmaState state;
  }

  private CmaEsSampler(Builder b) {
    this.seed = b.seed;
    this.popsize = b.popsize;
    this.restarts = b.restarts;
    this.separable = b.separable;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    if (study.isMultiObjective()) throw new IllegalArgumentException("CMA-ES handles one objective; use nsga2 or gp");
    Map<String, Distribution> space = new LinkedHashMap<>();
    intersection.of(completeBefore(study, trial)).forEach((n, d) -> {
      if (!(d instanceof CategoricalDistribution)) space.put(n, d);
    });
    return space;
  }

  private static List<FrozenTrial> completeBefore(StudyView study, FrozenTrial trial) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : study.trials(Set.of(TrialState.COMPLETE))) if (t.number() < trial.number()) out.add(t);
    return out;
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) return Map.of();
    UnitSpace us = new UnitSpace(space);
    String key = study.studyName() + "\u0000" + String.join("\u0000", us.names);
    double sign = study.directions().get(0) == StudyDirection.MAXIMIZE ? -1 : 1;
    Replay replay = replays.computeIfAbsent(key, k -> new Replay());
    long from;
    synchronized (replay) {
      from = replay.state == null ? 0 : groupKey(replay.restart, replay.state.generation);
    }
    Map<Long, List<double[]>> groups = new TreeMap<>();
    Map<Long, List<Double>> values = new TreeMap<>();
    for (FrozenTrial t : completeBefore(study, trial)) {
      if (!(t.systemAttrs().get(RESTART) instanceof Number r) || !(t.systemAttrs().get(GENERATION) instanceof Number g)) continue;
      long gk = groupKey(r.intValue(), g.intValue());
      if (gk < from) continue; // already replayed: finished trials never change
      double[] x = storedX(t, us.dims());
      if (x == null) continue;
      groups.computeIfAbsent(gk, k -> new ArrayList<>()).add(x);
      values.computeIfAbsent(gk, k -> new ArrayList<>()).add(sign * t.value());
    }
    double[] x;
    int restart;
    int generation;
    synchronized (replay) {
      if (replay.state == null) replay.state = initial(us, 0);
      while (true) {
        long gk = groupKey(replay.restart, replay.state.generation);
        List<double[]> xs = groups.get(gk);
        if (xs == null || xs.size() < replay.state.lambda) break;
        List<Double> fs = values.get(gk);
        double[] f = new double[replay.state.lambda];
        for (int i = 0; i < f.length; i++) f[i] = fs.get(i);
        replay.state.tell(new ArrayList<>(xs.subList(0, replay.state.lambda)), f);
        applyMargin(us, replay.state);
        if (restarts && replay.state.shouldStop()) {
          replay.restart++;
          replay.state = initial(us, replay.restart);
        }
      }
      x = replay.state.sample(TrialSeeds.forParam(seed, trial.number(), "cma:sample"));
      restart = replay.restart;
      generation = replay.state.generation;
    }
    List<Double> stored = new ArrayList<>(x.length);
    for (double v : x) stored.add(v);
    study.setTrialSystemAttr(trial.trialId(), RESTART, restart);
    study.setTrialSystemAttr(trial.trialId(), GENERATION, generation);
    study.setTrialSystemAttr(trial.trialId(), X, stored);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < us.dims(); i++) out.put(us.names.get(i), us.fromUnit(i, x[i]));
    return out;
  }

  private static long groupKey(int restart, int generation) {
    return ((long) restart << 32) | generation;
  }

  private static double[] storedX(FrozenTrial t, int dims) {
    if (!(t.systemAttrs().get(X) instanceof List<?> list) || list.size() != dims) return null;
    double[] x = new double[dims];
    for (int i = 0; i < dims; i++) {
      if (!(list.get(i) instanceof Number n)) return null;
      x[i] = n.doubleValue();
    }
    return x;
  }

  private CmaState initial(UnitSpace us, int restart) {
    int d = us.dims();
    int lambda = (popsize != null ? popsize : CmaState.defaultPopulation(d)) << Math.min(restart, 10);
    double[] mean = new double[d];
    if (restart == 0) {
      java.util.Arrays.fill(mean, 0.5);
    } else {
      SplittableRandom rng = TrialSeeds.forParam(seed, restart, "cma:restart");
      for (int i = 0; i < d; i++) mean[i] = rng.nextDouble();
    }
    return new CmaState(mean, 1.0 / 6, lambda, separable);
  }

  /** CMA-ES with Margin: keep leaving the current cell towards the nearer neighbour at least 1/(d lambda) likely. */
  private static void applyMargin(UnitSpace us, CmaState s) {
    double alpha = Math.min(0.2, 1.0 / (s.d * s.lambda));
    double z = new NormalDistribution().inverseCumulativeProbability(1 - alpha);
    for (int i = 0; i < us.dims(); i++) {
      if (us.continuous(i) || us.gridSize[i] < 2) continue;
      double m = Math.max(0, Math.min(1, s.mean[i]));
      double at = us.snap(i, m);
      int k = nearestIndex(us, i, at);
      double lo = k > 0 ? 0.5 * (us.gridPoint(i, k - 1) + at) : Double.NEGATIVE_INFINITY;
      double hi = k < us.gridSize[i] - 1 ? 0.5 * (us.gridPoint(i, k + 1) + at) : Double.POSITIVE_INFINITY;
      double reach = z * s.stdOf(i);
      boolean towardsHi = hi - m <= m - lo;
      if (towardsHi && hi - m > reach) s.mean[i] = hi - reach;
      else if (!towardsHi && m - lo > reach) s.mean[i] = lo + reach;
    }
  }

  private static int nearestIndex(UnitSpace us, int i, double u) {
    int lo = 0;
    int hi = us.gridSize[i] - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (us.gridPoint(i, mid) < u - 1e-12) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return RandomSampler.sample(distribution, TrialSeeds.forParam(seed, trial.number(), name));
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "cmaes");
    s.put("seed", seed);
    s.put("popsize", popsize == null ? "default" : popsize);
    s.put("restart_strategy", restarts ? "ipop" : "none");
    s.put("separable", separable);
    s.put("with_margin", true);
    return s;
  }

  /** Options: random (recorded) seed, the default population, no restarts, full covariance. */
  public static final class Builder {
    private long seed = TrialSeeds.randomSeed();
    private Integer popsize;
    private boolean restarts;
    private boolean separable;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The population of the first run; {@code 4 + floor(3 ln d)} when not set. */
    public Builder popsize(int n) {
      if (n < 2) throw new IllegalArgumentException("popsize must be >= 2, got " + n);
      this.popsize = n;
      return this;
    }

    /** IPOP: restart with twice the population when a run converges. */
    public Builder restarts(boolean on) {
      this.restarts = on;
      return this;
    }

    /** sep-CMA-ES: a diagonal covariance, learning faster; for many dimensions. */
    public Builder separable(boolean on) {
      this.separable = on;
      return this;
    }

    public CmaEsSampler build() {
      return new CmaEsSampler(this);
    }
  }
}
