package org.tunelab.sampler.gp;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * TuRBO-1's trust region (Eriksson et al. 2019, "Scalable global optimization via local Bayesian
 * optimization"): the acquisition is maximised only inside a box around the best point, whose side
 * doubles after {@link #SUCCESSES} improvements in a row, halves after {@code max(4, d)} failures in
 * a row, and starts again at {@link #INITIAL} once it falls below {@link #MINIMUM}. In many
 * dimensions a global GP sends trials to corners, where its variance is back at the prior's; the
 * box keeps proposals where the model knows something while still growing when that pays.
 *
 * <p>The side is not stored anywhere: it is a function of the trial values in trial-number order,
 * replayed on every call, so any worker reading the same history gets the same box.
 */
final class TrustRegion {
  /** Side of the box in the unit cube (before the per-dimension length-scale weighting). */
  static final double INITIAL = 0.8;
  static final double MINIMUM = Math.pow(0.5, 7);
  static final double MAXIMUM = 1.6;
  static final int SUCCESSES = 3;

  private TrustRegion() {}

  /**
   * The box {@code {lo, hi}} for the next trial: the side replayed from the finished trials'
   * maximised values ({@code target}, in the order of {@code done}; infeasible ones never count as
   * improvements) taken in trial-number order, around {@code centre}, the best feasible point.
   */
  static double[][] around(List<FrozenTrial> done, double[] target, boolean[] feasible, int startup, double[] centre,
      double[] invSqLengthscales, boolean[] categorical) {
    Integer[] byNumber = new Integer[done.size()];
    for (int r = 0; r < byNumber.length; r++) byNumber[r] = r;
    Arrays.sort(byNumber, Comparator.comparingInt(r -> done.get(r).number()));
    double[] steps = new double[byNumber.length];
    for (int k = 0; k < steps.length; k++) {
      int r = byNumber[k];
      steps[k] = feasible[r] ? target[r] : Double.NEGATIVE_INFINITY;
    }
    double[] lo = new double[centre.length];
    double[] hi = new double[centre.length];
    box(centre, invSqLengthscales, categorical, side(steps, startup, centre.length), lo, hi);
    return new double[][] {lo, hi};
  }

  /**
   * The side after replaying {@code values} (maximised, in trial-number order); the first
   * {@code startup} values only set the incumbent.
   */
  static double side(double[] values, int startup, int dims) {
    int failureLimit = Math.max(4, dims);
    double side = INITIAL;
    double best = Double.NEGATIVE_INFINITY;
    int successes = 0;
    int failures = 0;
    for (int k = 0; k < values.length; k++) {
      double v = values[k];
      boolean improved = v > best + 1e-3 * Math.abs(best);
      if (k >= startup && !Double.isInfinite(best)) {
        if (improved) {
          successes++;
          failures = 0;
        } else {
          failures++;
          successes = 0;
        }
        if (successes == SUCCESSES) {
          side = Math.min(2 * side, MAXIMUM);
          successes = 0;
        } else if (failures == failureLimit) {
          side /= 2;
          failures = 0;
        }
        if (side < MINIMUM) side = INITIAL;
      }
      if (v > best) best = v;
    }
    return side;
  }

  /** Half-widths never go below this, so a local search always has room (and a valid start radius). */
  static final double MIN_HALF_WIDTH = 1e-3;

  /**
   * The box {@code [lo, hi]} (filled in place) of the given side around {@code centre}: each
   * numeric dimension's half-width is scaled by its length scale over their geometric mean (wide
   * where the objective varies slowly), clipped to [0, 1]; categorical dimensions span [0, 1].
   */
  static void box(double[] centre, double[] invSqLengthscales, boolean[] categorical, double side, double[] lo,
      double[] hi) {
    int d = centre.length;
    double meanLog = 0;
    int numeric = 0;
    for (int i = 0; i < d; i++) {
      if (categorical[i]) continue;
      meanLog += -0.5 * Math.log(invSqLengthscales[i]);
      numeric++;
    }
    meanLog /= Math.max(numeric, 1);
    for (int i = 0; i < d; i++) {
      if (categorical[i]) {
        lo[i] = 0;
        hi[i] = 1;
        continue;
      }
      double half = Math.max(MIN_HALF_WIDTH, 0.5 * side * Math.exp(-0.5 * Math.log(invSqLengthscales[i]) - meanLog));
      lo[i] = Math.max(0, Math.min(1 - MIN_HALF_WIDTH, centre[i] - half));
      hi[i] = Math.min(1, Math.max(MIN_HALF_WIDTH, centre[i] + half));
    }
  }
}
