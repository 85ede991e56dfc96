package org.tunelab.sampler.tpe;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * The standard normal's log-cdf and the truncated normal's log-pdf and sampler, computed in log
 * space so that kernels far in a tail neither underflow to {@code log(0)} nor lose all precision.
 * Arguments are standardised: {@code z = (x - mu) / sigma}.
 */
final class TruncatedNormal {
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_HALF = Math.sqrt(0.5);
  /** Beyond 8.3 standard deviations, Phi(-z) is below half an ulp of 1. */
  private static final double TAIL_NEGLIGIBLE = 8.3;

  private TruncatedNormal() {}

  /** log Phi(z), accurate across the whole real line. */
  static double logCdf(double z) {
    if (z > 5) return Math.log1p(-lowerCdf(-z));
    if (z > -3) return Math.log(lowerCdf(z));
    return logTail(-z);
  }

  /**
   * Phi(z), accurate in relative terms for z <= 0. Hand-rolled because commons-math's erfc goes
   * through a generic continued fraction that made up most of TPE's cost: near the centre the
   * series {@code 1/2 + phi(z) (z + z^3/3 + z^5/15 + ...)} (all terms of one sign), in the tail
   * Laplace's continued fraction, both to full double precision.
   */
  static double lowerCdf(double z) {
    if (z > 0) return 1 - lowerCdf(-z);
    if (z > -3) {
      double z2 = z * z;
      double term = z;
      double sum = z;
      for (int k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
        term *= z2 / (2 * k + 1);
        sum += term;
      }
      return 0.5 + Math.exp(-0.5 * z2 - LOG_SQRT_2PI) * sum;
    }
    return Math.exp(logTail(-z));
  }

  /** log Phi(-x) for x >= 3: log phi(x) - log(x + 1/(x + 2/(x + 3/(x + ...)))), by Lentz's method. */
  private static double logTail(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      d = x + k * d;
      d = d == 0 ? tiny : d;
      c = x + k / c;
      c = c == 0 ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    return -0.5 * x * x - LOG_SQRT_2PI - Math.log(f);
  }

  /** log(Phi(b) - Phi(a)) for a <= b, without cancellation in either tail. */
  static double logMass(double a, double b) {
    if (!(a < b)) return a == b ? Double.NEGATIVE_INFINITY : Double.NaN;
    if (a >= 0) return logMass(-b, -a);
    if (b <= 0) {
      double la = logCdf(a);
      double lb = logCdf(b);
      return lb + log1mexp(la - lb);
    }
    // a < 0 < b: the mass is 1 minus both tails, each at most one half.
    if (a < -TAIL_NEGLIGIBLE && b > TAIL_NEGLIGIBLE) return 0.0;
    return Math.log1p(-(lowerCdf(a) + lowerCdf(-b)));
  }

  /** log(1 - exp(x)) for x <= 0 (Maechler's switch between the two stable forms). */
  static double log1mexp(double x) {
    return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /**
   * A draw from the standard normal truncated to [a, b] with a <= 0 <= b (every TPE kernel is centred
   * inside its bounds). Each half is inverted from its own tail so that neither loses precision.
   */
  static double sampleStraddling(double a, double b, SplittableRandom rng) {
    return sampleStraddling(a, b, lowerCdf(a), lowerCdf(-b), rng);
  }

  /** As {@link #sampleStraddling(double, double, SplittableRandom)} with {@code pa = Phi(a)} and {@code qb = Phi(-b)} given. */
  static double sampleStraddling(double a, double b, double pa, double qb, SplittableRandom rng) {
    double mass = 1 - pa - qb;
    double t = rng.nextDouble() * mass;
    double x;
    if (t < 0.5 - pa) {
      x = inverseCdf(pa + t);
    } else {
      x = -inverseCdf(qb + (mass - t));
    }
    return Math.min(Math.max(x, a), b);
  }

  /** Phi^-1(p) for p in (0, 1), with Newton steps on the log scale in the far tails. */
  static double inverseCdf(double p) {
    if (p <= 0) return Double.NEGATIVE_INFINITY;
    if (p >= 1) return Double.POSITIVE_INFINITY;
    double x = -Math.sqrt(2) * Erf.erfcInv(2 * p);
    if (p < 1e-12 && Double.isFinite(x)) {
      // erfcInv loses relative precision deep in the tail; refine on log Phi.
      double logP = Math.log(p);
      for (int i = 0; i < 3; i++) {
        double logPhi = logCdf(x);
        double logPdf = -0.5 * x * x - LOG_SQRT_2PI;
        x -= (logPhi - logP) * Math.exp(logPhi - logPdf);
      }
    }
    return x;
  }
}
