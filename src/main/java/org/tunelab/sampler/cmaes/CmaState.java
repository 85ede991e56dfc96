package org.tunelab.sampler.cmaes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The state of one CMA-ES run in the unit box (Hansen's 2016 tutorial, {@code c_m = 1}, active
 * covariance update: the worse half of each generation gets negative weights, so C also shrinks
 * along directions that failed, as in the cmaes library Optuna uses), or of sep-CMA-ES (diagonal
 * covariance, positive weights, faster learning rates by {@code (d + 2) / 3}). Mutable; a sampler
 * replays generations into a copy.
 */
final class CmaState {
  final int d;
  final int lambda;
  final boolean separable;
  private final int mu;
  private final double[] w;
  /** Recombination weights of all lambda ranks for the covariance update; the last are negative unless separable. */
  private final double[] wAll;
  private final double wAllSum;
  private final double mueff;
  private final double cc;
  private final double cs;
  private final double c1;
  private final double cmu;
  private final double damps;
  private final double chiN;
  private final double sigma0;
  double[] mean;
  double sigma;
  private double[][] c;
  private double[] pc;
  private double[] ps;
  private double[][] b;
  private double[] dd;
  int generation;
  private final List<Double> bestHistory = new ArrayList<>();

  CmaState(double[] mean, double sigma, int lambda, boolean separable) {
    this.d = mean.length;
    this.lambda = lambda;
    this.separable = separable;
    this.mu = lambda / 2;
    this.w = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) sum += w[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
    double sq = 0;
    for (int i = 0; i < mu; i++) sq += (w[i] /= sum) * w[i];
    this.mueff = 1 / sq;
    this.cc = (4 + mueff / d) / (d + 4 + 2 * mueff / d);
    this.cs = (mueff + 2) / (d + mueff + 5);
    double c1 = 2 / ((d + 1.3) * (d + 1.3) + mueff);
    double cmu = Math.min(1 - c1 - 1e-8, 2 * (mueff - 2 + 1 / mueff) / ((d + 2) * (d + 2) + mueff));
    if (separable) { // Ros & Hansen 2008
      c1 = Math.min(1, c1 * (d + 2) / 3.0);
      cmu = Math.min(1 - c1, cmu * (d + 2) / 3.0);
    }
    this.c1 = c1;
    this.cmu = cmu;
    this.wAll = separable ? w.clone() : activeWeights(lambda, mueff, c1, cmu, d);
    double total = 0;
    for (double v : wAll) total += v;
    this.wAllSum = total;
    this.damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (d + 1)) - 1) + cs;
    this.chiN = Math.sqrt(d) * (1 - 1.0 / (4 * d) + 1.0 / (21.0 * d * d));
    this.mean = mean.clone();
    this.sigma = sigma;
    this.sigma0 = sigma;
    this.c = new double[d][d];
    this.b = new double[d][d];
    this.dd = new double[d];
    for (int i = 0; i < d; i++) {
      c[i][i] = 1;
      b[i][i] = 1;
      dd[i] = 1;
    }
    this.pc = new double[d];
    this.ps = new double[d];
  }

  /** The tutorial's weights (eqs. 49-53): positive ones sum to 1, negative ones to -alpha. */
  private static double[] activeWeights(int lambda, double mueff, double c1, double cmu, int d) {
    int mu = lambda / 2;
    double[] prime = new double[lambda];
    double pos = 0;
    double neg = 0;
    double negSq = 0;
    for (int i = 0; i < lambda; i++) {
      prime[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
      if (prime[i] >= 0) pos += prime[i];
      else neg -= prime[i];
    }
    double negOfLower = 0;
    for (int i = mu; i < lambda; i++) {
      negOfLower += prime[i];
      negSq += prime[i] * prime[i];
    }
    double mueffMinus = negSq > 0 ? negOfLower * negOfLower / negSq : 0;
    double alpha = Math.min(1 + c1 / cmu, Math.min(1 + 2 * mueffMinus / (mueff + 2), (1 - c1 - cmu) / (d * cmu)));
    double[] out = new double[lambda];
    for (int i = 0; i < lambda; i++) out[i] = prime[i] >= 0 ? prime[i] / pos : alpha * prime[i] / neg;
    return out;
  }

  /** Optuna's (the cmaes library's) default population: {@code 4 + floor(3 ln d)}. */
  static int defaultPopulation(int d) {
    return 4 + (int) Math.floor(3 * Math.log(d));
  }

  /** A candidate {@code m + sigma B D z}; resampled (up to 100 times) into the box, then clipped. */
  double[] sample(SplittableRandom rng) {
    double[] x = new double[d];
    for (int attempt = 0; attempt < 100; attempt++) {
      double[] z = new double[d];
      for (int i = 0; i < d; i++) z[i] = gaussian(rng) * dd[i];
      boolean inside = true;
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int k = 0; k < d; k++) s += b[i][k] * z[k];
        x[i] = mean[i] + sigma * s;
        inside &= x[i] >= 0 && x[i] <= 1;
      }
      if (inside) return x;
    }
    for (int i = 0; i < d; i++) x[i] = Math.max(0, Math.min(1, x[i]));
    return x;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller on the trial's own stream keeps draws reproducible per (seed, trial).
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** One generation: {@code xs} evaluated to {@code f} (smaller is better), exactly lambda of them. */
  void tell(List<double[]> xs, double[] f) {
    Integer[] order = new Integer[xs.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, bb) -> Double.compare(f[a], f[bb]));
    bestHistory.add(f[order[0]]);
    double[] old = mean.clone();
    int ranks = separable ? mu : lambda;
    double[][] y = new double[ranks][d];
    double[] yw = new double[d];
    for (int k = 0; k < ranks; k++) {
      double[] x = xs.get(order[k]);
      for (int i = 0; i < d; i++) {
        y[k][i] = (x[i] - old[i]) / sigma;
        if (k < mu) yw[i] += w[k] * y[k][i];
      }
    }
    for (int i = 0; i < d; i++) mean[i] = old[i] + sigma * yw[i];
    double[] white = whitened(yw);
    double norm = 0;
    for (int i = 0; i < d; i++) {
      ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * mueff) * white[i];
      norm += ps[i] * ps[i];
    }
    // Negative weights act on directions rescaled to length sqrt(d), so a far-off failure cannot
    // shrink C without bound (eq. 46).
    double[] wio = new double[ranks];
    for (int k = 0; k < ranks; k++) {
      if (wAll[k] >= 0) {
        wio[k] = wAll[k];
      } else {
        double sq = 0;
        for (double v : whitened(y[k])) sq += v * v;
        wio[k] = wAll[k] * d / (sq + 1e-8);
      }
    }
    norm = Math.sqrt(norm);
    generation++;
    boolean hsig = norm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (d + 1);
    for (int i = 0; i < d; i++) pc[i] = (1 - cc) * pc[i] + (hsig ? Math.sqrt(cc * (2 - cc) * mueff) * yw[i] : 0);
    double keep = 1 - c1 - cmu * wAllSum + (hsig ? 0 : c1 * cc * (2 - cc));
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        if (separable && i != j) continue;
        double rankMu = 0;
        for (int k = 0; k < ranks; k++) rankMu += wio[k] * y[k][i] * y[k][j];
        c[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
      }
    }
    sigma *= Math.exp(Math.min(1, (cs / damps) * (norm / chiN - 1)));
    decompose();
  }

  /** {@code C^-1/2 v = B D^-1 B^T v}. */
  private double[] whitened(double[] v) {
    double[] t = new double[d];
    for (int k = 0; k < d; k++) {
      double s = 0;
      for (int i = 0; i < d; i++) s += b[i][k] * v[i];
      t[k] = s / dd[k];
    }
    double[] out = new double[d];
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) s += b[i][k] * t[k];
      out[i] = s;
    }
    return out;
  }

  private void decompose() {
    if (separable) {
      for (int i = 0; i < d; i++) {
        dd[i] = Math.sqrt(Math.max(c[i][i], 1e-20));
        Arrays.fill(b[i], 0);
        b[i][i] = 1;
      }
      return;
    }
    RealMatrix m = new Array2DRowRealMatrix(c);
    EigenDecomposition e = new EigenDecomposition(m.add(m.transpose()).scalarMultiply(0.5));
    double[] ev = e.getRealEigenvalues();
    for (int k = 0; k < d; k++) {
      dd[k] = Math.sqrt(Math.max(ev[k], 1e-20));
      for (int i = 0; i < d; i++) b[i][k] = e.getEigenvector(k).getEntry(i);
    }
  }

  /** IPOP's restart test: the step or the spread of recent best values has collapsed, or C is ill-conditioned. */
  boolean shouldStop() {
    double maxD = 0;
    double minD = Double.POSITIVE_INFINITY;
    for (double v : dd) {
      maxD = Math.max(maxD, v);
      minD = Math.min(minD, v);
    }
    if (sigma * maxD < 1e-12 * sigma0) return true;
    if (maxD / minD > 1e7) return true; // condition number of C above 1e14
    int window = 10 + (int) Math.ceil(30.0 * d / lambda);
    if (bestHistory.size() >= window) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : bestHistory.subList(bestHistory.size() - window, bestHistory.size())) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo < 1e-12) return true;
    }
    return sigma * maxD < 1e-9;
  }

  /** The standard deviation of coordinate i of the sampling distribution. */
  double stdOf(int i) {
    if (separable) return sigma * dd[i];
    return sigma * Math.sqrt(Math.max(c[i][i], 0));
  }
}
