package org.tunelab.sampler.nsga3;

import java.util.ArrayList;
import java.util.List;

/**
 * Das and Dennis's structured reference points: every point of the unit simplex in {@code m}
 * objectives whose coordinates are multiples of {@code 1/h}, so {@code C(h+m-1, m-1)} points.
 * Optuna's NSGAIIISampler uses the same set with {@code h = dividing_parameter = 3}.
 */
final class ReferencePoints {
  private ReferencePoints() {}

  static double[][] dasDennis(int objectives, int divisions) {
    if (objectives < 1) throw new IllegalArgumentException("objectives must be >= 1, got " + objectives);
    if (divisions < 1) throw new IllegalArgumentException("dividing_parameter must be >= 1, got " + divisions);
    List<double[]> out = new ArrayList<>();
    fill(new int[objectives], 0, divisions, divisions, out);
    return out.toArray(new double[0][]);
  }

  /** Gives coordinate {@code k} every share of what is left, the last coordinate the rest. */
  private static void fill(int[] parts, int k, int left, int divisions, List<double[]> out) {
    if (k == parts.length - 1) {
      parts[k] = left;
      double[] p = new double[parts.length];
      for (int i = 0; i < parts.length; i++) p[i] = parts[i] / (double) divisions;
      out.add(p);
      return;
    }
    for (int share = left; share >= 0; share--) {
      parts[k] = share;
      fill(parts, k + 1, left - share, divisions, out);
    }
  }
}
