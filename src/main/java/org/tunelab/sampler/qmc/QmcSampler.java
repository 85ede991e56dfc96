package org.tunelab.sampler.qmc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/**
 * Quasi-Monte Carlo sampling with scrambled Sobol (default) or scrambled Halton points: trial
 * {@code n} takes point {@code n} of the sequence, and a parameter takes the coordinate of its
 * position among the trial's parameters (the k-th parameter suggested uses dimension k). A fixed
 * search space therefore maps each parameter to one dimension, and a trial's values depend only on
 * the seed and its number: unlike Optuna's shared counter, any number of workers in any number of
 * processes reproduce the same points. Parameters past the sequence's dimensions are sampled at random.
 *
 * <pre>{@code
 * Sampler qmc = QmcSampler.builder().seed(7).type(QmcSampler.Type.HALTON).build();
 * }</pre>
 *
 * <p>Stateless apart from lazily built scrambles, so thread-safe.
 */
public final class QmcSampler implements Sampler {

  /** The low-discrepancy sequence. */
  public enum Type { SOBOL, HALTON }

  private final long seed;
  private final Type type;
  private final boolean scramble;
  private final UnitPoints points;

  private QmcSampler(long seed, Type type, boolean scramble) {
    this.seed = seed;
    this.type = type;
    this.scramble = scramble;
    this.points = type == Type.SOBOL ? new SobolPoints(scramble, seed) : new HaltonPoints(scramble, seed);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    int dim = trial.params().size();
    if (dim >= points.maxDimensions()) {
      return RandomSampler.sample(distribution, TrialSeeds.forParam(seed, trial.number(), name));
    }
    return fromUnit(distribution, points.coordinate(trial.number(), dim));
  }

  /** Maps u in [0, 1) onto a distribution, uniformly on its internal (log for log ranges) scale. */
  static double fromUnit(Distribution d, double u) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) {
        double v = Math.exp(Math.log(f.low()) + u * (Math.log(f.high()) - Math.log(f.low())));
        return Math.min(Math.max(v, f.low()), f.high());
      }
      if (f.step() != null) {
        long n = Math.round((f.high() - f.low()) / f.step()) + 1;
        return Math.min(f.low() + Math.min((long) (u * n), n - 1) * f.step(), f.high());
      }
      return Math.min(f.low() + u * (f.high() - f.low()), f.high());
    }
    if (d instanceof IntDistribution i) {
      if (i.log()) {
        double lo = Math.log(i.low() - 0.5);
        double v = Math.exp(lo + u * (Math.log(i.high() + 0.5) - lo));
        return Math.min(Math.max(Math.round(v), i.low()), i.high());
      }
      return i.low() + Math.min((long) (u * i.size()), i.size() - 1) * i.step();
    }
    int n = ((CategoricalDistribution) d).choices().size();
    return Math.min((int) (u * n), n - 1);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "qmc");
    s.put("seed", seed);
    s.put("qmc_type", type.name().toLowerCase(java.util.Locale.ROOT));
    s.put("scramble", scramble);
    return s;
  }

  /** Options: a random (recorded) seed, Sobol, scrambled. */
  public static final class Builder {
    private long seed = TrialSeeds.randomSeed();
    private Type type = Type.SOBOL;
    private boolean scramble = true;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder type(Type type) {
      this.type = java.util.Objects.requireNonNull(type);
      return this;
    }

    /** Without scrambling the seed only affects parameters sampled at random. */
    public Builder scramble(boolean on) {
      this.scramble = on;
      return this;
    }

    public QmcSampler build() {
      return new QmcSampler(seed, type, scramble);
    }
  }
}
