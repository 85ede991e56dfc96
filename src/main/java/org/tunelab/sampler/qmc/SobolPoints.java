package org.tunelab.sampler.qmc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol points from commons-math3's direction numbers, optionally scrambled by a seeded random
 * lower-triangular matrix (Matousek's linear matrix scramble) followed by a random digital shift,
 * as scipy's {@code qmc.Sobol(scramble=True)}. Any point is computed directly from its index (no
 * stepping state), so workers need no shared counter.
 */
final class SobolPoints implements UnitPoints {
  static final int MAX_DIMENSIONS = 1000;
  private static final int BITS = 52;
  private static final int INDEX_BITS = 31;
  private static final double SCALE = 0x1p-52;
  /** Direction numbers by dimension: {@code DIRECTIONS.get(d)[k]} for bit k of the Gray code. */
  private static final List<long[]> DIRECTIONS = new ArrayList<>();

  private final boolean scramble;
  private final long seed;
  private final List<long[]> scrambles = new ArrayList<>();

  SobolPoints(boolean scramble, long seed) {
    this.scramble = scramble;
    this.seed = seed;
  }

  @Override
  public int maxDimensions() {
    return MAX_DIMENSIONS;
  }

  @Override
  public double coordinate(long index, int dim) {
    if (index < 0 || index >= (1L << INDEX_BITS)) throw new IllegalArgumentException("index out of range: " + index);
    long[] v = directions(dim);
    long gray = index ^ (index >>> 1);
    long x = 0;
    for (int k = 0; gray != 0; k++, gray >>>= 1) {
      if ((gray & 1) != 0) x ^= v[k];
    }
    if (scramble) x = scrambled(x, dim);
    return x * SCALE;
  }

  /**
   * Reads the direction numbers off commons-math3's generator: the point whose Gray code is the
   * single bit k is exactly direction number k.
   */
  private static synchronized long[] directions(int dim) {
    if (dim >= MAX_DIMENSIONS) throw new IllegalArgumentException("Sobol has " + MAX_DIMENSIONS + " dimensions");
    if (dim >= DIRECTIONS.size()) {
      int target = Math.min(MAX_DIMENSIONS, Math.max(dim + 1, 2 * DIRECTIONS.size() + 8));
      SobolSequenceGenerator g = new SobolSequenceGenerator(target);
      long[][] byDim = new long[target][INDEX_BITS];
      for (int k = 0; k < INDEX_BITS; k++) {
        double[] p = g.skipTo((int) ((1L << (k + 1)) - 1));
        for (int d = 0; d < target; d++) byDim[d][k] = (long) (p[d] / SCALE);
      }
      for (int d = DIRECTIONS.size(); d < target; d++) DIRECTIONS.add(byDim[d]);
    }
    return DIRECTIONS.get(dim);
  }

  /** y = L x + shift over GF(2), digit 1 being the most significant bit. */
  private long scrambled(long x, int dim) {
    long[] s = scrambleOf(dim);
    long y = 0;
    for (int r = 0; r < BITS; r++) {
      if ((Long.bitCount(x & s[r]) & 1) != 0) y |= 1L << (BITS - 1 - r);
    }
    return y ^ s[BITS];
  }

  /** Row masks of the random unit lower-triangular matrix for one dimension, then the shift. */
  private synchronized long[] scrambleOf(int dim) {
    while (scrambles.size() <= dim) {
      int d = scrambles.size();
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + d * 0xC2B2AE3D27D4EB4FL + 1);
      long[] rows = new long[BITS + 1];
      for (int r = 0; r < BITS; r++) {
        long digitR = 1L << (BITS - 1 - r);
        // Row r may mix digits 1..r (bits above digit r), and always keeps digit r itself.
        long above = r == 0 ? 0 : (rng.nextLong() >>> (64 - r)) << (BITS - r);
        rows[r] = above | digitR;
      }
      rows[BITS] = rng.nextLong() >>> (64 - BITS);
      scrambles.add(rows);
    }
    return scrambles.get(dim);
  }
}
