package org.tunelab.sampler.gp;

/**
 * {@code -(log marginal likelihood + log prior)} of the GP hyperparameters (raw, log-space
 * parameters as {@link GpFit} lays them out), split for {@link Lbfgs}: the value needs a Cholesky
 * factorisation, the gradient also the inverse kernel matrix, which costs twice as much and is
 * computed only for points the line search accepts. Same numbers as computing both at once. Not
 * thread-safe: one per fit.
 */
final class LogPosterior implements Lbfgs.SplitFunction {
  private final double[][] sqd;
  private final double[] y;
  private final int n;
  private final int d;
  private final boolean deterministic;
  // The last value's state, for its gradient.
  private double[] t;
  private GaussianProcess.Hyper h;
  private double[] r2s;
  private Cholesky chol;
  private double[] alpha;

  /**
   * @param sqd per pair (i, j &lt; i, in row order) the per-dimension squared differences ({@link GpFit#pairDistances})
   */
  LogPosterior(int n, double[][] sqd, double[] y, int dims, boolean deterministic) {
    this.sqd = sqd;
    this.y = y;
    this.n = n;
    this.d = dims;
    this.deterministic = deterministic;
  }

  @Override
  public double value(double[] raw) {
    t = raw.clone();
    h = GpFit.hyper(raw, deterministic);
    double[] rho = h.invSqLengthscales();
    double[][] k = new double[n][n];
    r2s = new double[sqd.length];
    for (int i = 0, p = 0; i < n; i++) {
      for (int j = 0; j < i; j++, p++) {
        double[] row = sqd[p];
        double r2 = 0;
        for (int c = 0; c < d; c++) r2 += rho[c] * row[c];
        r2s[p] = r2;
        double v = h.scale() * GaussianProcess.matern52(r2);
        k[i][j] = v;
        k[j][i] = v;
      }
      k[i][i] = h.scale() + h.noise();
    }
    try {
      chol = Cholesky.of(k);
    } catch (ArithmeticException e) {
      chol = null;
      return Double.POSITIVE_INFINITY;
    }
    alpha = chol.solve(y);
    double lml = -0.5 * dot(y, alpha) - 0.5 * chol.logDet() - 0.5 * n * Math.log(2 * Math.PI);
    double logPrior = 0;
    for (int c = 0; c < d; c++) logPrior += -(0.1 / rho[c] + 0.1 * rho[c]);
    double s = h.scale();
    logPrior += Math.log(s) - s;
    if (!deterministic) {
      double v = h.noise();
      logPrior += 0.1 * Math.log(v) - 30 * v;
    }
    return -(lml + logPrior);
  }

  @Override
  public void gradientAtLast(double[] g) {
    if (chol == null) {
      java.util.Arrays.fill(g, 0);
      return;
    }
    double[] rho = h.invSqLengthscales();
    double[][] inv = chol.inverse();
    // W = alpha alpha^T - K^-1; dLML/dt = 0.5 sum(W * dK/dt).
    double[] gradRho = new double[d];
    double gradScale = 0;
    double traceW = 0;
    for (int i = 0, p = 0; i < n; i++) {
      traceW += alpha[i] * alpha[i] - inv[i][i];
      gradScale += 0.5 * (alpha[i] * alpha[i] - inv[i][i]) * h.scale();
      for (int j = 0; j < i; j++, p++) {
        double w = alpha[i] * alpha[j] - inv[i][j];
        double r2 = r2s[p];
        gradScale += w * h.scale() * GaussianProcess.matern52(r2); // both triangles: 2 * 0.5
        double common = w * h.scale() * GaussianProcess.matern52Derivative(r2);
        double[] row = sqd[p];
        for (int c = 0; c < d; c++) gradRho[c] += common * row[c];
      }
    }
    for (int c = 0; c < d; c++) g[c] = -(gradRho[c] * rho[c] + (0.1 / rho[c] - 0.1 * rho[c]));
    double s = h.scale();
    g[d] = -(gradScale + (1 - s));
    if (deterministic) {
      g[d + 1] = 0;
    } else {
      double raw = Math.exp(t[d + 1]);
      double v = h.noise();
      g[d + 1] = -(0.5 * traceW * raw + (0.1 / v - 30) * raw);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
