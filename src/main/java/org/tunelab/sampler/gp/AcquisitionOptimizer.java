package org.tunelab.sampler.gp;

import org.tunelab.sampler.UnitSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximises an acquisition function over a mixed space as Optuna's {@code optimize_acqf_mixed}:
 * quasi-random (shifted Sobol) candidates snapped to the grids, then local search from the best of
 * them and from the best observed points: BOBYQA (Brent for one dimension) over the continuous
 * dimensions with the others fixed, then for each discrete dimension every grid value (categorical,
 * or up to 16 values) or the nearby ones, repeated while it improves.
 */
final class AcquisitionOptimizer {
  private final UnitSpace space;
  private final int candidates;
  private final int localStarts;
  /** The box searched, in unit coordinates; categorical dimensions always span [0, 1]. */
  private final double[] lo;
  private final double[] hi;

  /** Searches the whole space. */
  AcquisitionOptimizer(UnitSpace space, int candidates, int localStarts) {
    this(space, candidates, localStarts, new double[space.dims()], filled(space.dims(), 1));
  }

  /** Searches the continuous (and stepped) coordinates inside {@code [lo, hi]} only. */
  AcquisitionOptimizer(UnitSpace space, int candidates, int localStarts, double[] lo, double[] hi) {
    this.space = space;
    this.candidates = candidates;
    this.localStarts = localStarts;
    this.lo = lo.clone();
    this.hi = hi.clone();
    for (int i = 0; i < space.dims(); i++) {
      if (space.categorical[i]) {
        this.lo[i] = 0;
        this.hi[i] = 1;
      }
    }
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** The best point found; {@code warmStarts} are extra local-search starts (the best observed points). */
  double[] maximize(AcquisitionFunction acq, List<double[]> warmStarts, SplittableRandom rng) {
    int d = space.dims();
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(Math.max(d, 1));
    double[] shift = new double[d];
    for (int i = 0; i < d; i++) shift[i] = rng.nextDouble();
    double[][] pts = new double[candidates][];
    double[] vals = new double[candidates];
    int bestIdx = 0;
    for (int c = 0; c < candidates; c++) {
      double[] u = sobol.nextVector();
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        double v = lo[i] + (hi[i] - lo[i]) * ((u[i] + shift[i]) % 1.0);
        x[i] = space.categorical[i] ? Math.min(Math.floor(v * space.gridSize[i]), space.gridSize[i] - 1) : space.snap(i, v);
      }
      pts[c] = x;
      vals[c] = acq.value(x);
      if (vals[c] > vals[bestIdx] || Double.isNaN(vals[bestIdx])) bestIdx = c;
    }
    List<double[]> starts = new ArrayList<>();
    starts.add(pts[bestIdx]);
    // Further starts by roulette on exp(f - fmax): good regions other than the best one get a look.
    for (int k = 1; k < localStarts && k < candidates; k++) {
      double total = 0;
      double[] w = new double[candidates];
      for (int c = 0; c < candidates; c++) {
        w[c] = Double.isFinite(vals[c]) ? Math.exp(Math.max(-50, vals[c] - vals[bestIdx])) : 0;
        total += w[c];
      }
      double r = rng.nextDouble() * total;
      int pick = 0;
      while (pick < candidates - 1 && (r -= w[pick]) > 0) pick++;
      starts.add(pts[pick]);
    }
    starts.addAll(warmStarts);
    double[] best = pts[bestIdx];
    double bestVal = vals[bestIdx];
    for (double[] s : starts) {
      double[] x = s.clone();
      double v = localSearch(acq, x);
      if (v > bestVal) {
        bestVal = v;
        best = x;
      }
    }
    return best;
  }

  /** Improves x in place; returns its final value. */
  private double localSearch(AcquisitionFunction acq, double[] x) {
    int d = space.dims();
    List<Integer> cont = new ArrayList<>();
    List<Integer> disc = new ArrayList<>();
    for (int i = 0; i < d; i++) (space.continuous(i) ? cont : disc).add(i);
    double value = acq.value(x);
    for (int round = 0; round < 5; round++) {
      double before = value;
      if (!cont.isEmpty()) value = continuous(acq, x, cont, value);
      for (int i : disc) value = discrete(acq, x, i, value);
      if (disc.isEmpty() || value <= before + 1e-9 * Math.max(1, Math.abs(before))) break;
    }
    return value;
  }

  private double continuous(AcquisitionFunction acq, double[] x, List<Integer> dims, double value) {
    int m = dims.size();
    double[] trial = x.clone();
    double[] bestSeen = x.clone();
    double[] bestVal = {value};
    MultivariateFunction f = z -> {
      for (int k = 0; k < m; k++) trial[dims.get(k)] = Math.max(lo[dims.get(k)], Math.min(hi[dims.get(k)], z[k]));
      double v = acq.value(trial);
      if (!Double.isFinite(v)) return -1e300;
      if (v > bestVal[0]) {
        bestVal[0] = v;
        System.arraycopy(trial, 0, bestSeen, 0, trial.length);
      }
      return v;
    };
    double[] z0 = new double[m];
    for (int k = 0; k < m; k++) z0[k] = x[dims.get(k)];
    try {
      if (m == 1) {
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        brent.optimize(new MaxEval(200), new UnivariateObjectiveFunction(t -> f.value(new double[] {t})),
            GoalType.MAXIMIZE, new SearchInterval(lo[dims.get(0)], hi[dims.get(0)], Math.max(lo[dims.get(0)], Math.min(hi[dims.get(0)], z0[0]))));
      } else {
        double[] bl = new double[m];
        double[] bh = new double[m];
        double minWidth = 1;
        for (int k = 0; k < m; k++) {
          bl[k] = lo[dims.get(k)];
          bh[k] = hi[dims.get(k)];
          z0[k] = Math.max(bl[k], Math.min(bh[k], z0[k]));
          minWidth = Math.min(minWidth, bh[k] - bl[k]);
        }
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * m + 1, Math.min(0.1, 0.45 * minWidth), 1e-6);
        bobyqa.optimize(new MaxEval(60 * (m + 2)), new ObjectiveFunction(f), GoalType.MAXIMIZE,
            new InitialGuess(z0), new SimpleBounds(bl, bh));
      }
    } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
      // Out of evaluations or stuck: the best point seen so far stands.
    }
    System.arraycopy(bestSeen, 0, x, 0, x.length);
    return bestVal[0];
  }

  private double discrete(AcquisitionFunction acq, double[] x, int i, double value) {
    int n = space.gridSize[i];
    double original = x[i];
    double bestU = original;
    double bestV = value;
    List<Integer> ks = new ArrayList<>();
    if (space.categorical[i] || n <= 16) {
      for (int k = 0; k < n; k++) ks.add(k);
    } else {
      int at = nearestGridIndex(i, original);
      for (int delta : new int[] {-8, -4, -2, -1, 1, 2, 4, 8}) {
        int k = at + delta;
        if (k >= 0 && k < n) ks.add(k);
      }
    }
    for (int k : ks) {
      x[i] = space.gridPoint(i, k);
      // A stepped coordinate stays in the box too (categorical ones span all of it).
      if (!space.categorical[i] && (x[i] < lo[i] - 1e-12 || x[i] > hi[i] + 1e-12)) continue;
      double v = acq.value(x);
      if (v > bestV) {
        bestV = v;
        bestU = x[i];
      }
    }
    x[i] = bestU;
    return bestV;
  }

  private int nearestGridIndex(int i, double u) {
    int lo = 0;
    int hi = space.gridSize[i] - 1;
    while (lo < hi) { // grid coordinates increase with the index
      int mid = (lo + hi) >>> 1;
      if (space.gridPoint(i, mid) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
