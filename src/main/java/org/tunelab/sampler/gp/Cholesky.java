package org.tunelab.sampler.gp;

/**
 * The Cholesky factor of a kernel matrix and the triangular solves the GP needs. Written over
 * {@code double[][]} rather than with commons-math3's {@code CholeskyDecomposition}: prediction
 * needs the forward half-solve {@code L^-1 k} alone (for the variance), which that class does not
 * expose, and the fit factors a new matrix for every likelihood evaluation, where copying into
 * {@code RealMatrix} objects doubled the time. Jitter is added until the factor exists.
 */
final class Cholesky {
  final double[][] l;
  final int n;

  private Cholesky(double[][] l) {
    this.l = l;
    this.n = l.length;
  }

  /** Factors a symmetric positive (semi)definite matrix, adding growing jitter to the diagonal if needed. */
  static Cholesky of(double[][] a) {
    double jitter = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      double[][] l = tryFactor(a, jitter);
      if (l != null) return new Cholesky(l);
      jitter = jitter == 0 ? 1e-10 : jitter * 100;
    }
    throw new ArithmeticException("kernel matrix is not positive definite");
  }

  private static double[][] tryFactor(double[][] a, double jitter) {
    int n = a.length;
    double[][] l = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] li = new double[i + 1];
      l[i] = li;
      for (int j = 0; j <= i; j++) {
        double[] lj = l[j];
        double s = a[i][j];
        for (int k = 0; k < j; k++) s -= li[k] * lj[k];
        if (i == j) {
          s += jitter;
          if (!(s > 0)) return null;
          li[i] = Math.sqrt(s);
        } else {
          li[j] = s / lj[j];
        }
      }
    }
    return l;
  }

  /** Solves {@code L z = b}. */
  double[] forward(double[] b) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double[] li = l[i];
      double s = b[i];
      for (int k = 0; k < i; k++) s -= li[k] * z[k];
      z[i] = s / li[i];
    }
    return z;
  }

  /** Solves {@code L^T x = z}. */
  double[] backward(double[] z) {
    double[] x = z.clone();
    for (int i = n - 1; i >= 0; i--) {
      x[i] /= l[i][i];
      double xi = x[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) x[k] -= li[k] * xi;
    }
    return x;
  }

  /** Solves {@code A x = b}. */
  double[] solve(double[] b) {
    return backward(forward(b));
  }

  /** {@code log det A = 2 sum log L_ii}. */
  double logDet() {
    double s = 0;
    for (int i = 0; i < n; i++) s += Math.log(l[i][i]);
    return 2 * s;
  }

  /** {@code A^-1}, full and symmetric, through {@code L^-1}. */
  double[][] inverse() {
    // Row c of t is column c of L^-1 (zero before c), so both products below run along rows.
    double[][] t = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] tc = t[c];
      tc[c] = 1 / l[c][c];
      for (int i = c + 1; i < n; i++) {
        double[] li = l[i];
        double s = 0;
        for (int k = c; k < i; k++) s -= li[k] * tc[k];
        tc[i] = s / li[i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] ti = t[i];
      for (int j = 0; j <= i; j++) {
        double[] tj = t[j];
        double s = 0;
        for (int k = i; k < n; k++) s += ti[k] * tj[k];
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }
}
