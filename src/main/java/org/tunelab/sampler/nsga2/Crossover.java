package org.tunelab.sampler.nsga2;

import java.util.SplittableRandom;

/**
 * How two parents' numeric coordinates (in the unit box) make a child's, as Optuna's crossovers:
 * uniform (each coordinate from either parent, swapping probability 0.5), BLX-alpha (uniform on the
 * parents' interval widened by alpha = 0.5 of its length each side) and SBX (simulated binary, with
 * Optuna's defaults: eta = 2 for one objective and 20 for several, each coordinate crossed with
 * probability 0.5 and the child taking either offspring). Results are clipped into the box by the caller.
 */
enum Crossover {
  UNIFORM, BLX_ALPHA, SBX;

  double[] child(double[] a, double[] b, int objectives, SplittableRandom rng) {
    int d = a.length;
    double[] c = new double[d];
    switch (this) {
      case BLX_ALPHA:
        for (int i = 0; i < d; i++) {
          double lo = Math.min(a[i], b[i]);
          double hi = Math.max(a[i], b[i]);
          double span = hi - lo;
          c[i] = lo - 0.5 * span + rng.nextDouble() * 2 * span;
        }
        return c;
      case SBX: {
        double eta = objectives > 1 ? 20 : 2;
        for (int i = 0; i < d; i++) {
          if (rng.nextDouble() >= 0.5 || Math.abs(a[i] - b[i]) < 1e-14) {
            c[i] = rng.nextBoolean() ? a[i] : b[i];
            continue;
          }
          double u = rng.nextDouble();
          double beta = u <= 0.5 ? Math.pow(2 * u, 1 / (eta + 1)) : Math.pow(1 / (2 * (1 - u)), 1 / (eta + 1));
          double mid = 0.5 * (a[i] + b[i]);
          double half = 0.5 * beta * Math.abs(a[i] - b[i]);
          c[i] = rng.nextBoolean() ? mid - half : mid + half;
        }
        return c;
      }
      default:
        for (int i = 0; i < d; i++) c[i] = rng.nextDouble() < 0.5 ? a[i] : b[i];
        return c;
    }
  }
}
