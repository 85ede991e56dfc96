package org.tunelab.sampler.gp;

/**
 * Fits the kernel hyperparameters by maximising the log marginal likelihood plus Optuna's log
 * priors ({@code _gp/prior.py}): {@code -(0.1/rho + 0.1 rho)} per inverse squared length scale,
 * Gamma(2, 1) on the kernel scale and Gamma(1.1, 30) on the noise variance, which keeps the fit
 * sane with few points. Parameters are optimised in log space with analytic gradients, warm-started
 * from the previous fit; the noise never drops below {@link #MIN_NOISE}.
 */
final class GpFit {
  /**
   * The noise variance floor on standardised values: numerical jitter, not a belief about the
   * objective (the fitted noise can be as large as the data say). Optuna uses 1e-6, but that is a
   * noise standard deviation of 1e-3 standard deviations of the values, which on Branin (values 0.4
   * to 300, standard deviation about 17) is 0.02: the model could not tell apart points whose values
   * differ by less, its posterior deviation near the best point stayed at that level, and LogEI
   * then preferred the ring around the best point to the best point itself, so the search stalled
   * near 6e-05 regret. Lower floors refine further (Branin, 20 seeds, 100 trials: 3.1e-06 at 1e-8,
   * 7.9e-08 at 1e-10). Caveat: on styblinski_tang10 (20 seeds) both lower floors gave worse medians
   * than 1e-6 (100 trials: 136 at 1e-8, 132 at 1e-10, 114 at 1e-6); ackley10 and rosenbrock10 moved
   * both ways. 1e-10 keeps a margin of about 100 above the rounding in the Cholesky factorisation of
   * a few hundred points (whose jitter retries catch the rest).
   */
  static final double MIN_NOISE = 1e-10;
  /** Lower bound of the log fitted noise (above {@link #MIN_NOISE}): far enough below the floor not to bind. */
  private static final double LOG_NOISE_LOWER = Math.log(MIN_NOISE) - 7;
  /** Box of the other log parameters (length scales, kernel scale). */
  private static final double LOG_BOUND = 12;

  private GpFit() {}

  /** The initial raw parameters: every length scale 1, scale 1, noise 0.01 (log space). */
  static double[] initial(int dims) {
    double[] t = new double[dims + 2];
    t[dims + 1] = Math.log(1e-2);
    return t;
  }

  static GaussianProcess.Hyper hyper(double[] raw, boolean deterministic) {
    int d = raw.length - 2;
    double[] rho = new double[d];
    for (int i = 0; i < d; i++) rho[i] = Math.exp(raw[i]);
    double noise = deterministic ? MIN_NOISE : MIN_NOISE + Math.exp(raw[d + 1]);
    return new GaussianProcess.Hyper(rho, Math.exp(raw[d]), noise);
  }

  /**
   * The fitted model. {@code start} (raw parameters, length dims + 2) is the warm start; on a
   * numerical failure the defaults are used instead.
   */
  static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, double[] start, boolean deterministic) {
    double[] raw = start != null && start.length == categorical.length + 2 ? start.clone() : initial(categorical.length);
    try {
      double[][] sqd = pairDistances(x, categorical);
      double[] lo = new double[raw.length];
      double[] hi = new double[raw.length];
      java.util.Arrays.fill(lo, -LOG_BOUND);
      java.util.Arrays.fill(hi, LOG_BOUND);
      lo[raw.length - 1] = LOG_NOISE_LOWER;
      for (int i = 0; i < raw.length; i++) raw[i] = Math.max(lo[i], Math.min(hi[i], raw[i]));
      Lbfgs.minimize(new LogPosterior(x.length, sqd, y, categorical.length, deterministic), raw, lo, hi, 60, 1e-2);
      return new GaussianProcess(x, y, categorical, hyper(raw, deterministic));
    } catch (ArithmeticException e) {
      return new GaussianProcess(x, y, categorical, hyper(initial(categorical.length), deterministic));
    }
  }

  /**
   * Per pair (i, j &lt; i, in row order) the per-dimension squared differences (0/1 for categorical
   * dimensions): computed once per fit, read by every likelihood evaluation.
   */
  static double[][] pairDistances(double[][] x, boolean[] cat) {
    int n = x.length;
    int d = cat.length;
    double[][] out = new double[n * (n - 1) / 2][];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double[] row = new double[d];
        for (int c = 0; c < d; c++) {
          if (cat[c]) row[c] = x[i][c] == x[j][c] ? 0 : 1;
          else {
            double diff = x[i][c] - x[j][c];
            row[c] = diff * diff;
          }
        }
        out[p++] = row;
      }
    }
    return out;
  }

  /** -(log marginal likelihood + log prior) at raw parameters t; its gradient into g. */
  static double negLogPosterior(double[][] x, double[] y, boolean[] cat, double[] t, double[] g, boolean deterministic) {
    return negLogPosterior(x, pairDistances(x, cat), y, cat, t, g, deterministic);
  }

  static double negLogPosterior(double[][] x, double[][] sqd, double[] y, boolean[] cat, double[] t, double[] g,
      boolean deterministic) {
    return new LogPosterior(x.length, sqd, y, cat.length, deterministic).valueAndGradient(t, g);
  }
}
