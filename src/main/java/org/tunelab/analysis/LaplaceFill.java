package org.tunelab.analysis;

/**
 * Fills the unknown cells of a grid by the discrete Laplace equation with zero-derivative edges:
 * a known cell keeps its value, an unknown one equals the mean of its existing 4-neighbours. This
 * is the linear system Optuna's matplotlib contour solves with a sparse direct solver (Plotly's
 * {@code interp2d}); here the same system is solved by conjugate gradients on the unknown cells,
 * where it is symmetric positive definite (the graph Laplacian restricted to them), which needs no
 * sparse-matrix library and converges to the same unique solution.
 */
final class LaplaceFill {
  private static final int[][] STEPS = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};

  private LaplaceFill() {}

  /** {@code known[j][i]} is a value or {@code null}; at least one cell must be known. */
  static double[][] fill(Double[][] known) {
    int rows = known.length;
    int cols = known[0].length;
    int[] index = new int[rows * cols];
    int unknown = 0;
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) index[j * cols + i] = known[j][i] == null ? unknown++ : -1;
    }
    double[] b = new double[unknown];
    int[] degree = new int[unknown];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        int u = index[j * cols + i];
        if (u < 0) continue;
        for (int[] s : STEPS) {
          int ni = i + s[0];
          int nj = j + s[1];
          if (ni < 0 || nj < 0 || ni >= cols || nj >= rows) continue;
          degree[u]++;
          if (known[nj][ni] != null) b[u] += known[nj][ni];
        }
      }
    }
    double[] z = conjugateGradient(index, degree, b, rows, cols);
    double[][] out = new double[rows][cols];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        int u = index[j * cols + i];
        out[j][i] = u < 0 ? known[j][i] : z[u];
      }
    }
    return out;
  }

  /** Solves {@code A z = b} with {@code A = degree - adjacency among unknown cells}. */
  private static double[] conjugateGradient(int[] index, int[] degree, double[] b, int rows, int cols) {
    int n = b.length;
    double[] z = new double[n];
    if (n == 0) return z;
    double[] r = b.clone();
    double[] p = r.clone();
    double[] ap = new double[n];
    double rr = dot(r, r);
    double tolerance = 1e-20 * Math.max(1.0, dot(b, b));
    for (int iteration = 0; iteration < 10 * n && rr > tolerance; iteration++) {
      multiply(index, degree, p, ap, rows, cols);
      double alpha = rr / dot(p, ap);
      for (int k = 0; k < n; k++) {
        z[k] += alpha * p[k];
        r[k] -= alpha * ap[k];
      }
      double next = dot(r, r);
      double beta = next / rr;
      rr = next;
      for (int k = 0; k < n; k++) p[k] = r[k] + beta * p[k];
    }
    return z;
  }

  private static void multiply(int[] index, int[] degree, double[] v, double[] out, int rows, int cols) {
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        int u = index[j * cols + i];
        if (u < 0) continue;
        double sum = degree[u] * v[u];
        if (i > 0 && index[j * cols + i - 1] >= 0) sum -= v[index[j * cols + i - 1]];
        if (i < cols - 1 && index[j * cols + i + 1] >= 0) sum -= v[index[j * cols + i + 1]];
        if (j > 0 && index[(j - 1) * cols + i] >= 0) sum -= v[index[(j - 1) * cols + i]];
        if (j < rows - 1 && index[(j + 1) * cols + i] >= 0) sum -= v[index[(j + 1) * cols + i]];
        out[u] = sum;
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) s += a[k] * b[k];
    return s;
  }
}
