package org.tunelab.sampler.nsga3;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.sampler.Constraints;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.nsga2.Nsga2Sampler;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * NSGA-III (Deb and Jain 2014) with Optuna's defaults: NSGA-II's population of 50, binary
 * tournament under Deb's constrained domination, crossover (uniform by default; SBX and BLX-alpha
 * selectable) and mutation, but the last non-dominated front that does not fit in the next parent
 * population is split by reference-point niching instead of crowding distance, which keeps the
 * population spread over many objectives. The reference points are Das and Dennis's
 * ({@code dividing_parameter = 3}: 10 points for 3 objectives) unless given.
 *
 * <pre>{@code
 * Sampler ga = Nsga3Sampler.builder().seed(3).dividingParameter(4).build();
 * }</pre>
 *
 * <p><b>State from the storage.</b> Generations are numbered in the trial system attribute
 * {@code NSGAIIISampler:generation} (Optuna's key) and every worker rebuilds the parents from the
 * stored trials, as {@link Nsga2Sampler} does; ties in the niching draw from a stream derived from
 * the seed and the generation, so workers agree. Thread-safe.
 */
public final class Nsga3Sampler implements Sampler {
  static final String GENERATION = "NSGAIIISampler:generation";

  private final Nsga2Sampler engine;
  private final long seed;
  private final int dividingParameter;
  private final double[][] referencePoints;

  private Nsga3Sampler(Builder b) {
    this.seed = b.seed;
    this.dividingParameter = b.dividingParameter;
    this.referencePoints = b.referencePoints;
    this.engine = b.engine.seed(b.seed)
        .survival(GENERATION, new ReferencePointNiching(b.dividingParameter, b.referencePoints)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    engine.beforeTrial(study, trial);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return engine.inferRelativeSearchSpace(study, trial);
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return engine.sampleRelative(study, trial, space);
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return engine.sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    engine.afterTrial(study, trial, state, values);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>(engine.settings());
    s.put("type", "nsga3");
    s.put("seed", seed);
    if (referencePoints == null) s.put("dividing_parameter", dividingParameter);
    else s.put("reference_points", Arrays.stream(referencePoints).map(p -> Arrays.stream(p).boxed().toList()).toList());
    return s;
  }

  /** Options with Optuna's defaults: NSGA-II's, and Das-Dennis reference points with 3 divisions. */
  public static final class Builder {
    private final Nsga2Sampler.Builder engine = Nsga2Sampler.builder();
    private long seed = TrialSeeds.randomSeed();
    private int dividingParameter = 3;
    private double[][] referencePoints;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder population(int n) {
      engine.population(n);
      return this;
    }

    public Builder crossoverProb(double p) {
      engine.crossoverProb(p);
      return this;
    }

    /** {@code uniform} (default), {@code blx-alpha} or {@code sbx}. */
    public Builder crossover(String name) {
      engine.crossover(name);
      return this;
    }

    public Builder mutationProb(double p) {
      engine.mutationProb(p);
      return this;
    }

    public Builder constraints(boolean on) {
      engine.constraints(on);
      return this;
    }

    public Builder constraints(Constraints.Function f) {
      engine.constraints(f);
      return this;
    }

    /** Divisions of each objective's axis for the Das-Dennis reference points (default 3). */
    public Builder dividingParameter(int h) {
      if (h < 1) throw new IllegalArgumentException("dividing_parameter must be >= 1, got " + h);
      this.dividingParameter = h;
      return this;
    }

    /**
     * Reference points to use instead of Das-Dennis's, one row per point with one non-negative
     * coordinate per objective (only their directions matter).
     */
    public Builder referencePoints(double[][] points) {
      Objects.requireNonNull(points, "points");
      if (points.length == 0) throw new IllegalArgumentException("reference_points must not be empty");
      for (int j = 0; j < points.length; j++) {
        double[] p = points[j];
        if (p.length == 0 || p.length != points[0].length) {
          throw new IllegalArgumentException("reference point " + j + " has " + p.length + " coordinates, the first has "
              + points[0].length);
        }
        boolean positive = false;
        for (double x : p) {
          if (!(x >= 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("reference point " + j + " must have finite non-negative coordinates, got "
                + Arrays.toString(p));
          }
          positive |= x > 0;
        }
        if (!positive) throw new IllegalArgumentException("reference point " + j + " is the origin; it names no direction");
      }
      this.referencePoints = Arrays.stream(points).map(double[]::clone).toArray(double[][]::new);
      return this;
    }

    public Nsga3Sampler build() {
      return new Nsga3Sampler(this);
    }
  }
}
