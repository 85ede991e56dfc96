package org.tunelab.sampler.gp;

/**
 * A GP posterior with kernel {@code scale * Matern52(d^2)}, {@code d^2 = sum_i rho_i sqd_i} (one
 * inverse squared length scale {@code rho_i} per dimension; {@code sqd_i} the squared difference,
 * or for categorical dimensions 1 when the choices differ, 0 otherwise) and noise variance on the
 * diagonal; zero prior mean over standardised targets. Immutable once built.
 */
final class GaussianProcess {
  final double[][] x;
  final double[] y;
  final boolean[] categorical;
  final Hyper hyper;
  private final Cholesky chol;
  private final double[] alpha;

  /** Kernel hyperparameters. */
  record Hyper(double[] invSqLengthscales, double scale, double noise) {}

  GaussianProcess(double[][] x, double[] y, boolean[] categorical, Hyper hyper) {
    this.x = x;
    this.y = y;
    this.categorical = categorical;
    this.hyper = hyper;
    this.chol = Cholesky.of(kernelMatrix(x, categorical, hyper, true));
    this.alpha = chol.solve(y);
  }

  static double sqDistance(double[] a, double[] b, boolean[] categorical, double[] rho) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d;
      if (categorical[i]) d = a[i] == b[i] ? 0 : 1;
      else {
        double t = a[i] - b[i];
        d = t * t;
      }
      s += rho[i] * d;
    }
    return s;
  }

  static double matern52(double r2) {
    double u = Math.sqrt(5 * r2);
    return Math.exp(-u) * (1 + u + 5 * r2 / 3);
  }

  /** d Matern52 / d(r^2): {@code -5/6 (1 + u) exp(-u)}, finite at 0. */
  static double matern52Derivative(double r2) {
    double u = Math.sqrt(5 * r2);
    return -5.0 / 6.0 * (1 + u) * Math.exp(-u);
  }

  static double[][] kernelMatrix(double[][] x, boolean[] categorical, Hyper h, boolean withNoise) {
    int n = x.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double v = h.scale() * matern52(sqDistance(x[i], x[j], categorical, h.invSqLengthscales()));
        k[i][j] = v;
        k[j][i] = v;
      }
      k[i][i] = h.scale() + (withNoise ? h.noise() : 0);
    }
    return k;
  }

  int size() {
    return x.length;
  }

  /** Posterior mean and variance (of the latent function, without noise) at {@code point}. */
  double[] predict(double[] point) {
    int n = x.length;
    double[] k = new double[n];
    double mean = 0;
    double[] rho = hyper.invSqLengthscales();
    for (int i = 0; i < n; i++) {
      k[i] = hyper.scale() * matern52(sqDistance(point, x[i], categorical, rho));
      mean += k[i] * alpha[i];
    }
    double[] v = chol.forward(k);
    double var = hyper.scale();
    for (double vi : v) var -= vi * vi;
    return new double[] {mean, Math.max(var, 1e-12)};
  }

  /** A model with the same hyperparameters and extra observations (pending trials with believed values). */
  GaussianProcess withObservations(double[][] extraX, double[] extraY) {
    if (extraX.length == 0) return this;
    double[][] nx = new double[x.length + extraX.length][];
    double[] ny = new double[nx.length];
    System.arraycopy(x, 0, nx, 0, x.length);
    System.arraycopy(extraX, 0, nx, x.length, extraX.length);
    System.arraycopy(y, 0, ny, 0, y.length);
    System.arraycopy(extraY, 0, ny, y.length, extraY.length);
    return new GaussianProcess(nx, ny, categorical, hyper);
  }
}
