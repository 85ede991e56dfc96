package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The column-oriented factor, solves and inverse give the textbook row forms' numbers exactly. */
class CholeskyTest {
  private static double[][] kernelMatrix(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][4];
    for (double[] row : x) for (int i = 0; i < row.length; i++) row[i] = rng.nextDouble();
    return GaussianProcess.kernelMatrix(x, new boolean[4], new GaussianProcess.Hyper(new double[] {2, 1, 0.5, 3}, 1.3, 1e-4), true);
  }

  /** L by rows with dot products, as the factor was first written. */
  private static double[][] rowFactor(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][];
    for (int i = 0; i < n; i++) {
      l[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    return l;
  }

  @Test
  void factorForwardSolveAndInverseEqualTheRowFormsBitForBit() {
    for (int n : new int[] {1, 2, 7, 64, 131}) {
      double[][] a = kernelMatrix(n, n);
      Cholesky c = Cholesky.of(a);
      double[][] l = rowFactor(a);
      for (int i = 0; i < n; i++) assertArrayEquals(l[i], c.l[i], 0.0, "row " + i + " of n=" + n);
      double[] b = new double[n];
      for (int i = 0; i < n; i++) b[i] = Math.sin(i + 1.0);
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        double s = b[i];
        for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
        z[i] = s / l[i][i];
      }
      assertArrayEquals(z, c.forward(b), 0.0);
      // L^-1 by columns with dot products, then T^T T with dot products.
      double[][] t = new double[n][n];
      for (int col = 0; col < n; col++) {
        t[col][col] = 1 / l[col][col];
        for (int i = col + 1; i < n; i++) {
          double s = 0;
          for (int k = col; k < i; k++) s -= l[i][k] * t[col][k];
          t[col][i] = s / l[i][i];
        }
      }
      double[][] inv = c.inverse();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double s = 0;
          for (int k = i; k < n; k++) s += t[i][k] * t[j][k];
          assertEquals(s, inv[i][j], 0.0);
          assertEquals(s, inv[j][i], 0.0);
        }
      }
    }
  }

  @Test
  void inverseTimesMatrixIsTheIdentity() {
    double[][] a = kernelMatrix(40, 3);
    double[][] inv = Cholesky.of(a).inverse();
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        double s = 0;
        for (int k = 0; k < 40; k++) s += inv[i][k] * a[k][j];
        assertEquals(i == j ? 1 : 0, s, 1e-6);
      }
    }
  }
}
