package org.tunelab.sampler.gp;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, minimising a smooth function whose
 * gradient is known, inside a box by projection. Hand-written because commons-math3 has no
 * quasi-Newton method: its nonlinear conjugate gradient spends a Brent line search (a dozen
 * likelihood evaluations, each a Cholesky factorisation) on every step, which made the GP fit the
 * sampler's bottleneck.
 */
final class Lbfgs {
  /** Value and gradient of the function at x (gradient written into g). */
  interface Function {
    double valueAndGradient(double[] x, double[] g);
  }

  /**
   * A function whose gradient costs much more than its value (the GP likelihood: a Cholesky
   * factorisation for the value, an inverse for the gradient): the line search asks for the
   * gradient only at the points it accepts, about half of those it tries.
   */
  interface SplitFunction extends Function {
    /** The value at x; remembers what {@link #gradientAtLast} needs. */
    double value(double[] x);

    /** Writes the gradient at the point of the last {@link #value} call into g. */
    void gradientAtLast(double[] g);

    @Override
    default double valueAndGradient(double[] x, double[] g) {
      double v = value(x);
      if (Double.isFinite(v)) gradientAtLast(g);
      else java.util.Arrays.fill(g, 0);
      return v;
    }
  }

  private Lbfgs() {}

  /** Minimises from {@code x0} (modified in place) inside one box for every coordinate; returns the final value. */
  static double minimize(Function f, double[] x, double lower, double upper, int maxIter, double gtol) {
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    java.util.Arrays.fill(lo, lower);
    java.util.Arrays.fill(hi, upper);
    return minimize(f, x, lo, hi, maxIter, gtol);
  }

  /** Minimises from {@code x0} (modified in place) inside the box [lower_i, upper_i]; returns the final value. */
  static double minimize(Function f, double[] x, double[] lower, double[] upper, int maxIter, double gtol) {
    int d = x.length;
    int m = 8;
    double[][] s = new double[m][];
    double[][] yv = new double[m][];
    double[] rhoS = new double[m];
    int stored = 0;
    int head = 0;
    double[] g = new double[d];
    double fx = f.valueAndGradient(x, g);
    if (!Double.isFinite(fx)) return fx;
    for (int iter = 0; iter < maxIter; iter++) {
      if (normInf(g) < gtol) break;
      // Two-loop recursion for the direction -H g.
      double[] q = g.clone();
      double[] a = new double[m];
      for (int k = 0; k < stored; k++) {
        int idx = (head - 1 - k + m) % m;
        a[idx] = rhoS[idx] * dot(s[idx], q);
        for (int i = 0; i < d; i++) q[i] -= a[idx] * yv[idx][i];
      }
      if (stored > 0) {
        int last = (head - 1 + m) % m;
        double gamma = dot(s[last], yv[last]) / dot(yv[last], yv[last]);
        for (int i = 0; i < d; i++) q[i] *= gamma;
      } else {
        double scale = 1 / Math.max(1, normInf(g));
        for (int i = 0; i < d; i++) q[i] *= scale;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int idx = (head - 1 - k + m) % m;
        double b = rhoS[idx] * dot(yv[idx], q);
        for (int i = 0; i < d; i++) q[i] += s[idx][i] * (a[idx] - b);
      }
      for (int i = 0; i < d; i++) q[i] = -q[i];
      if (dot(q, g) >= 0) { // not a descent direction: fall back to steepest descent
        for (int i = 0; i < d; i++) q[i] = -g[i];
        stored = 0;
      }
      double step = 1;
      double[] xn = new double[d];
      double[] gn = new double[d];
      double fn = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 25; ls++) {
        for (int i = 0; i < d; i++) xn[i] = Math.max(lower[i], Math.min(upper[i], x[i] + step * q[i]));
        fn = f instanceof SplitFunction split ? split.value(xn) : f.valueAndGradient(xn, gn);
        double decrease = 0;
        for (int i = 0; i < d; i++) decrease += g[i] * (xn[i] - x[i]);
        if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
          if (f instanceof SplitFunction split) split.gradientAtLast(gn);
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) break;
      double[] sk = new double[d];
      double[] yk = new double[d];
      for (int i = 0; i < d; i++) {
        sk[i] = xn[i] - x[i];
        yk[i] = gn[i] - g[i];
      }
      double sy = dot(sk, yk);
      if (sy > 1e-12) {
        s[head] = sk;
        yv[head] = yk;
        rhoS[head] = 1 / sy;
        head = (head + 1) % m;
        stored = Math.min(stored + 1, m);
      }
      boolean small = Math.abs(fx - fn) < 1e-7 * Math.max(1, Math.abs(fx));
      System.arraycopy(xn, 0, x, 0, d);
      System.arraycopy(gn, 0, g, 0, d);
      fx = fn;
      if (small) break;
    }
    return fx;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double normInf(double[] a) {
    double m = 0;
    for (double v : a) m = Math.max(m, Math.abs(v));
    return m;
  }
}
