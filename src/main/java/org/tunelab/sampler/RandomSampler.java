package org.tunelab.sampler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/**
 * Samples every parameter independently and uniformly (on the log scale for log ranges, on the grid
 * for stepped ones). Stateless, so any number of workers share it; with a seed, trial {@code n}
 * always gets the same values.
 *
 * <pre>{@code
 * Sampler sampler = new RandomSampler(42);
 * }</pre>
 */
public final class RandomSampler implements Sampler {
  private final long seed;

  public RandomSampler(long seed) {
    this.seed = seed;
  }

  /** An unseeded sampler; the seed it draws is still recorded in {@link #settings()}. */
  public RandomSampler() {
    this(TrialSeeds.randomSeed());
  }

  public long seed() {
    return seed;
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return sample(distribution, TrialSeeds.forParam(seed, trial.number(), name));
  }

  /** One uniform draw from {@code distribution}, in internal representation. */
  public static double sample(Distribution distribution, SplittableRandom rng) {
    if (distribution instanceof FloatDistribution f) {
      if (f.log()) {
        double v = Math.exp(uniform(rng, Math.log(f.low()), Math.log(f.high())));
        return Math.min(Math.max(v, f.low()), f.high());
      }
      if (f.step() != null) {
        long points = Math.round((f.high() - f.low()) / f.step()) + 1;
        return Math.min(f.low() + rng.nextLong(points) * f.step(), f.high());
      }
      return uniform(rng, f.low(), f.high());
    }
    if (distribution instanceof IntDistribution i) {
      if (i.log()) {
        double v = Math.exp(uniform(rng, Math.log(i.low() - 0.5), Math.log(i.high() + 0.5)));
        return Math.min(Math.max(Math.round(v), i.low()), i.high());
      }
      return i.low() + rng.nextLong(i.size()) * i.step();
    }
    return rng.nextInt(((CategoricalDistribution) distribution).choices().size());
  }

  private static double uniform(SplittableRandom rng, double low, double high) {
    return low == high ? low : low + (high - low) * rng.nextDouble();
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "random");
    s.put("seed", seed);
    return s;
  }
}
