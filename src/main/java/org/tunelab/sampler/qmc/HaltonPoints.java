package org.tunelab.sampler.qmc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Halton points: dimension d is the radical inverse of the index in the d-th prime base. Scrambled,
 * every digit position of every dimension gets its own seeded random permutation of the digits
 * (zero included, over as many digits as double precision resolves), which removes the strong
 * correlations plain Halton shows between high dimensions.
 */
final class HaltonPoints implements UnitPoints {
  static final int MAX_DIMENSIONS = 1000;
  private static final int[] PRIMES = primes(MAX_DIMENSIONS);

  private final boolean scramble;
  private final long seed;
  private final List<int[][]> permutations = new ArrayList<>();

  HaltonPoints(boolean scramble, long seed) {
    this.scramble = scramble;
    this.seed = seed;
  }

  @Override
  public int maxDimensions() {
    return MAX_DIMENSIONS;
  }

  @Override
  public double coordinate(long index, int dim) {
    int base = PRIMES[dim];
    if (!scramble) {
      double u = 0;
      double scale = 1.0 / base;
      for (long i = index; i > 0; i /= base, scale /= base) u += (i % base) * scale;
      return u;
    }
    int[][] perms = permutationsOf(dim);
    double u = 0;
    double scale = 1.0 / base;
    long i = index;
    for (int[] perm : perms) {
      u += perm[(int) (i % base)] * scale;
      i /= base;
      scale /= base;
    }
    return Math.min(u, 1 - 0x1p-53);
  }

  private synchronized int[][] permutationsOf(int dim) {
    while (permutations.size() <= dim) {
      int d = permutations.size();
      int base = PRIMES[d];
      int digits = (int) Math.ceil(53 * Math.log(2) / Math.log(base));
      SplittableRandom rng = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + d * 0x94D049BB133111EBL + 7);
      int[][] perms = new int[digits][base];
      for (int[] p : perms) {
        for (int k = 0; k < base; k++) p[k] = k;
        for (int k = base - 1; k > 0; k--) {
          int j = rng.nextInt(k + 1);
          int t = p[k];
          p[k] = p[j];
          p[j] = t;
        }
      }
      permutations.add(perms);
    }
    return permutations.get(dim);
  }

  private static int[] primes(int count) {
    int[] out = new int[count];
    int found = 0;
    for (int n = 2; found < count; n++) {
      boolean prime = true;
      for (int k = 0; k < found && out[k] * out[k] <= n; k++) {
        if (n % out[k] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) out[found++] = n;
    }
    return out;
  }
}
