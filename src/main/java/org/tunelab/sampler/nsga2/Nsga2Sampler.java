package org.tunelab.sampler.nsga2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tunelab.sampler.Constraints;
import org.tunelab.sampler.IntersectionSpace;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.UnitSpace;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * NSGA-II with Optuna's defaults: a population of 50, parents by binary tournament under Deb's
 * constrained domination, crossover with probability 0.9 (uniform by default; BLX-alpha and SBX
 * selectable; categoricals always uniform), then each parameter resampled at random with
 * probability {@code 1/n}; survival by non-dominated rank and crowding distance.
 *
 * <pre>{@code
 * Sampler ga = Nsga2Sampler.builder().seed(3).crossover("sbx").build();
 * }</pre>
 *
 * <p><b>State from the storage.</b> A trial's generation is its system attribute
 * {@code NSGAIISampler:generation}, Optuna's key: the latest generation, or the next one once the
 * latest has {@code population} trials. The parents of generation g are rebuilt from the trials:
 * the survivors of generation g-1's parents plus its COMPLETE trials, recursively. Generation 0 is
 * random. Constraint values come from the trial attribute {@code constraints}. Thread-safe.
 */
public final class Nsga2Sampler implements Sampler {
  /** The intersection search space, folded incrementally over the history's stable snapshots. */
  private final IntersectionSpace.Incremental intersection = new IntersectionSpace.Incremental();
  static final String GENERATION = "NSGAIISampler:generation";
  private final String generationKey;
  private final LastFrontSelection lastFront;

  private final long seed;
  private final int population;
  private final double crossoverProb;
  private final Crossover crossover;
  private final Double mutationProb;
  private final boolean constraints;
  private final Constraints.Function constraintsFunction;
  private final Map<String, List<Population>> populations = new java.util.concurrent.ConcurrentHashMap<>();

  private Nsga2Sampler(Builder b) {
    this.seed = b.seed;
    this.population = b.population;
    this.crossoverProb = b.crossoverProb;
    this.crossover = b.crossover;
    this.mutationProb = b.mutationProb;
    this.constraints = b.constraints;
    this.constraintsFunction = b.constraintsFunction;
    this.generationKey = b.generationKey;
    this.lastFront = b.lastFront;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    int latest = -1;
    int count = 0;
    for (FrozenTrial t : study.trials(Set.of())) {
      if (t.number() >= trial.number()) continue;
      int g = generationOf(t, generationKey);
      if (g > latest) {
        latest = g;
        count = 0;
      }
      if (g == latest) count++;
    }
    int generation = latest < 0 ? 0 : count >= population ? latest + 1 : latest;
    study.setTrialSystemAttr(trial.trialId(), generationKey, generation);
  }

  private static int generationOf(FrozenTrial t, String key) {
    return t.systemAttrs().get(key) instanceof Number n ? n.intValue() : -1;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    List<FrozenTrial> done = new ArrayList<>();
    for (FrozenTrial t : study.trials(Set.of(TrialState.COMPLETE))) if (t.number() < trial.number()) done.add(t);
    return intersection.of(done);
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    int generation = trial.systemAttrs().containsKey(generationKey) ? generationOf(trial, generationKey)
        : generationOf(study.trial(trial.trialId()), generationKey);
    if (space.isEmpty() || generation <= 0) return Map.of();
    List<FrozenTrial> parents = parents(study, trial, generation);
    parents.removeIf(p -> !p.params().keySet().containsAll(space.keySet()));
    if (parents.isEmpty()) return Map.of();
    SplittableRandom rng = TrialSeeds.forParam(seed, trial.number(), "nsga2:child");
    Survival survival = new Survival(study.directions(), constraints);
    FrozenTrial a = tournament(parents, survival, rng);
    FrozenTrial b = tournament(parents, survival, rng);
    UnitSpace us = new UnitSpace(space);
    int d = us.dims();
    double[] ua = new double[d];
    double[] ub = new double[d];
    for (int i = 0; i < d; i++) {
      ua[i] = us.toUnit(i, a.internalParam(us.names.get(i)));
      ub[i] = us.toUnit(i, b.internalParam(us.names.get(i)));
    }
    double[] child;
    if (rng.nextDouble() < crossoverProb) {
      child = crossover.child(ua, ub, study.directions().size(), rng);
      for (int i = 0; i < d; i++) if (us.categorical[i]) child[i] = rng.nextBoolean() ? ua[i] : ub[i];
    } else {
      child = ua.clone();
    }
    double pm = mutationProb != null ? mutationProb : 1.0 / Math.max(1, d);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      // A mutated parameter is left out here, so the independent (random) sampler draws it.
      if (rng.nextDouble() < pm) continue;
      out.put(us.names.get(i), us.fromUnit(i, us.categorical[i] ? child[i] : Math.max(0, Math.min(1, child[i]))));
    }
    return out;
  }

  private static FrozenTrial tournament(List<FrozenTrial> parents, Survival survival, SplittableRandom rng) {
    FrozenTrial x = parents.get(rng.nextInt(parents.size()));
    FrozenTrial y = parents.get(rng.nextInt(parents.size()));
    if (survival.dominates(x, y)) return x;
    if (survival.dominates(y, x)) return y;
    return rng.nextBoolean() ? x : y;
  }

  /** A generation's survivors and how many COMPLETE trials of that generation went into them. */
  private record Population(int added, List<FrozenTrial> members) {}

  /**
   * The parent population of {@code generation}, rebuilt from the trials numbered below
   * {@code trial}: generation g's survivors are the best of g-1's survivors and g's COMPLETE trials.
   * Survivors are cached per study and generation with the count of trials they saw; finished
   * trials never change, so an unchanged count means an unchanged population.
   */
  private List<FrozenTrial> parents(StudyView study, FrozenTrial trial, int generation) {
    Map<Integer, List<FrozenTrial>> byGen = new LinkedHashMap<>();
    for (FrozenTrial t : study.trials(Set.of(TrialState.COMPLETE))) {
      if (t.number() < trial.number() && t.hasValues()) byGen.computeIfAbsent(generationOf(t, generationKey), k -> new ArrayList<>()).add(t);
    }
    Survival survival = new Survival(study.directions(), constraints, lastFront);
    List<Population> cached = populations.computeIfAbsent(study.studyName(), k -> new ArrayList<>());
    synchronized (cached) {
      List<FrozenTrial> pop = new ArrayList<>();
      for (int g = 0; g < generation; g++) {
        List<FrozenTrial> fresh = byGen.getOrDefault(g, List.of());
        if (g < cached.size() && cached.get(g).added() == fresh.size()) {
          pop = cached.get(g).members();
          continue;
        }
        List<FrozenTrial> pool = new ArrayList<>(pop);
        pool.addAll(fresh);
        pop = survival.select(pool, population, TrialSeeds.forParam(seed, g, "nsga:survival"));
        while (cached.size() > g) cached.remove(cached.size() - 1);
        cached.add(new Population(fresh.size(), List.copyOf(pop)));
      }
      return new ArrayList<>(pop);
    }
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return RandomSampler.sample(distribution, TrialSeeds.forParam(seed, trial.number(), name));
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    Constraints.record(constraintsFunction, study, trial, state, values);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "nsga2");
    s.put("seed", seed);
    s.put("population_size", population);
    s.put("crossover", crossover.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    s.put("crossover_prob", crossoverProb);
    s.put("mutation_prob", mutationProb == null ? "1/n" : mutationProb);
    s.put("constraints", constraints);
    return s;
  }

  /** Options with Optuna's defaults: population 50, uniform crossover with probability 0.9, mutation 1/n. */
  public static final class Builder {
    private long seed = TrialSeeds.randomSeed();
    private int population = 50;
    private double crossoverProb = 0.9;
    private Crossover crossover = Crossover.UNIFORM;
    private Double mutationProb;
    private boolean constraints;
    private Constraints.Function constraintsFunction;
    private String generationKey = GENERATION;
    private LastFrontSelection lastFront;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder population(int n) {
      if (n < 2) throw new IllegalArgumentException("population must be >= 2, got " + n);
      this.population = n;
      return this;
    }

    public Builder crossoverProb(double p) {
      if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("crossover_prob must be in [0, 1], got " + p);
      this.crossoverProb = p;
      return this;
    }

    /** {@code uniform} (default), {@code blx-alpha} or {@code sbx}. */
    public Builder crossover(String name) {
      switch (name) {
        case "uniform": crossover = Crossover.UNIFORM; break;
        case "blx-alpha": case "blxalpha": crossover = Crossover.BLX_ALPHA; break;
        case "sbx": crossover = Crossover.SBX; break;
        default: throw new IllegalArgumentException("crossover must be one of uniform, blx-alpha, sbx, got " + name);
      }
      return this;
    }

    public Builder mutationProb(double p) {
      if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("mutation_prob must be in [0, 1], got " + p);
      this.mutationProb = p;
      return this;
    }

    public Builder constraints(boolean on) {
      this.constraints = on;
      return this;
    }

    public Builder constraints(Constraints.Function f) {
      this.constraintsFunction = java.util.Objects.requireNonNull(f);
      this.constraints = true;
      return this;
    }

    /**
     * Survival that keeps whole fronts as NSGA-II does but chooses within the last one by
     * {@code lastFront} instead of crowding distance, with generations numbered in the trial
     * system attribute {@code generationKey}. This is how NSGA-III
     * ({@code org.tunelab.sampler.nsga3.Nsga3Sampler}) reuses this sampler's generations,
     * tournament, crossover and mutation; users of NSGA-II leave it alone.
     */
    public Builder survival(String generationKey, LastFrontSelection lastFront) {
      if (generationKey == null || generationKey.isBlank()) throw new IllegalArgumentException("generationKey must not be blank");
      this.generationKey = generationKey;
      this.lastFront = java.util.Objects.requireNonNull(lastFront, "lastFront");
      return this;
    }

    public Nsga2Sampler build() {
      return new Nsga2Sampler(this);
    }
  }
}
