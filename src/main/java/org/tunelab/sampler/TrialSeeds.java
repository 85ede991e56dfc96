package org.tunelab.sampler;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams derived from (seed, trial number, parameter name), so a seeded sampler gives each
 * trial the same values however many workers run and in whatever order they ask.
 */
public final class TrialSeeds {
  private TrialSeeds() {}

  /** A stream for one trial of a sampler's seed. */
  public static SplittableRandom forTrial(long seed, int trialNumber) {
    return new SplittableRandom(mix(seed, trialNumber));
  }

  /** A stream for one parameter of one trial. */
  public static SplittableRandom forParam(long seed, int trialNumber, String param) {
    long h = 1125899906842597L;
    for (byte b : param.getBytes(StandardCharsets.UTF_8)) h = 31 * h + b;
    return new SplittableRandom(mix(mix(seed, trialNumber), h));
  }

  /** A fresh seed for samplers the user did not seed; recorded in the study so a run can be repeated. */
  public static long randomSeed() {
    return new SplittableRandom().nextLong() & 0x7fffffffL;
  }

  /** SplitMix64's finalizer over the pair: cheap, and nearby inputs give unrelated outputs. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
