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
  /** col[k][i] = L[i][k] for i >= k: the factor by columns, for the column-oriented loops. */
  private final double[][] col;
  final int n;

  private Cholesky(double[][] col) {
    this.col = col;
    this.n = col.length;
    this.l = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] li = new double[i + 1];
      for (int k = 0; k <= i; k++) li[k] = col[k][i];
      l[i] = li;
    }
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

  /**
   * The factor by columns, or null when a pivot is not positive. Why columns: every loop below is
   * an update {@code a[i] -= c * b[i]} along a contiguous array, which the JIT vectorises, where
   * the textbook row form is a dot product whose single running sum it cannot split. Each entry
   * still receives the same operations in the same order (its initial value minus
   * {@code L[i][k] L[j][k]} for k = 0, 1, ...), so the factor is the same, bit for bit.
   */
  private static double[][] tryFactor(double[][] a, double jitter) {
    int n = a.length;
    double[][] col = new double[n][];
    for (int j = 0; j < n; j++) {
      double[] cj = new double[n];
      for (int i = j; i < n; i++) cj[i] = a[i][j];
      for (int k = 0; k < j; k++) {
        double[] ck = col[k];
        double c = ck[j];
        for (int i = j; i < n; i++) cj[i] -= ck[i] * c;
      }
      double s = cj[j] + jitter;
      if (!(s > 0)) return null;
      double d = Math.sqrt(s);
      cj[j] = d;
      for (int i = j + 1; i < n; i++) cj[i] = cj[i] / d;
      col[j] = cj;
    }
    return col;
  }

  /** Solves {@code L z = b} (by columns; the same operations per entry as the row form). */
  double[] forward(double[] b) {
    double[] z = b.clone();
    for (int k = 0; k < n; k++) {
      double[] ck = col[k];
      double zk = z[k] / ck[k];
      z[k] = zk;
      for (int i = k + 1; i < n; i++) z[i] -= ck[i] * zk;
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

  /**
   * {@code A^-1}, full and symmetric, through {@code L^-1}; by columns and rows as in
   * {@link #tryFactor}, each entry a sum in the same order as the dot-product form.
   */
  double[][] inverse() {
    // t[c] = column c of L^-1 (zero before c): entries below the diagonal accumulate
    // -L[i][k] t[c][k] for k = c, c+1, ... before their division.
    double[][] t = new double[n][];
    for (int c = 0; c < n; c++) {
      double[] tc = new double[n];
      tc[c] = 1 / col[c][c];
      for (int k = c; k < n; k++) {
        double[] ck = col[k];
        if (k > c) tc[k] = tc[k] / ck[k];
        double v = tc[k];
        for (int i = k + 1; i < n; i++) tc[i] -= ck[i] * v;
      }
      t[c] = tc;
    }
    // r[k] = row k of L^-1; inv[i][j] = sum_{k >= i} t[i][k] t[j][k] (j <= i), k in increasing order.
    double[][] r = new double[n][];
    for (int k = 0; k < n; k++) {
      double[] rk = new double[k + 1];
      for (int j = 0; j <= k; j++) rk[j] = t[j][k];
      r[k] = rk;
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] row = inv[i];
      for (int k = i; k < n; k++) {
        double[] rk = r[k];
        double c = rk[i];
        for (int j = 0; j <= i; j++) row[j] += c * rk[j];
      }
      for (int j = 0; j < i; j++) inv[j][i] = row[j];
    }
    return inv;
  }
}
