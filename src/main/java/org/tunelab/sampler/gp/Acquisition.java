package org.tunelab.sampler.gp;

import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * An acquisition function over the GP's coordinates, larger is better. The log forms use the
 * numerically stable {@code log h(z) = log(phi(z) + z Phi(z))} of Ament et al. (2023, "Unexpected
 * improvements to expected improvement"), so that far from the incumbent, where plain EI underflows
 * to 0 and every candidate ties, candidates still rank. Constraints multiply by the probability of
 * feasibility (add its log), each constraint an independent GP as in Optuna.
 */
final class Acquisition implements AcquisitionFunction {
  /** The available acquisition functions. */
  enum Kind { LOG_EI, EI, PI, UCB }

  private static final double LOG_2PI_HALF = 0.5 * Math.log(2 * Math.PI);
  private static final double LOG_PI_2_HALF = 0.5 * Math.log(Math.PI / 2);

  private final Kind kind;
  private final GaussianProcess objective;
  private final double best;
  private final double beta;
  private final List<GaussianProcess> constraints;
  private final double[] thresholds;

  /**
   * @param objective the GP of the (maximised, standardised) objective, or {@code null} when no
   *     trial is feasible yet: then only the probability of feasibility counts
   * @param best the incumbent (best feasible standardised value)
   * @param constraints GPs of standardised constraint values
   * @param thresholds the standardised value of 0 for each constraint (feasible below)
   */
  Acquisition(Kind kind, GaussianProcess objective, double best, double beta, List<GaussianProcess> constraints,
      double[] thresholds) {
    this.kind = kind;
    this.objective = objective;
    this.best = best;
    this.beta = beta;
    this.constraints = constraints;
    this.thresholds = thresholds;
  }

  @Override
  public double value(double[] x) {
    double logFeasible = 0;
    for (int j = 0; j < constraints.size(); j++) {
      double[] p = constraints.get(j).predict(x);
      logFeasible += logNormalCdf((thresholds[j] - p[0]) / Math.sqrt(p[1]));
    }
    if (objective == null) return logFeasible;
    double[] p = objective.predict(x);
    double sigma = Math.sqrt(p[1]);
    double z = (p[0] - best) / sigma;
    switch (kind) {
      case EI:
        return Math.exp(logH(z) + Math.log(sigma) + logFeasible);
      case PI:
        return logNormalCdf(z) + logFeasible;
      case UCB:
        return p[0] + Math.sqrt(beta) * sigma + logFeasible;
      default:
        return logH(z) + Math.log(sigma) + logFeasible;
    }
  }

  /** {@code log(phi(z) + z Phi(z))}, accurate for every z (Ament et al., eq. 9). */
  static double logH(double z) {
    if (z > -1) {
      double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
      return Math.log(phi + z * cdf);
    }
    if (z < -1e8) return -0.5 * z * z - LOG_2PI_HALF - 2 * Math.log(-z);
    double inner = Math.log(erfcx(-z / Math.sqrt(2)) * -z) + LOG_PI_2_HALF;
    return -0.5 * z * z - LOG_2PI_HALF + log1mexp(inner);
  }

  /** {@code log Phi(z)} without underflow in the lower tail. */
  static double logNormalCdf(double z) {
    if (z > -5) return Math.log(0.5 * Erf.erfc(-z / Math.sqrt(2)));
    return Math.log(0.5) + Math.log(erfcx(-z / Math.sqrt(2))) - 0.5 * z * z;
  }

  /** The scaled complementary error function {@code exp(x^2) erfc(x)} for x &gt;= 0. */
  static double erfcx(double x) {
    if (x < 20) return Math.exp(x * x) * Erf.erfc(x);
    double x2 = x * x;
    return 1 / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 * x2 * x2));
  }

  /** {@code log(1 - exp(a))} for a &lt; 0, accurate on both sides of -log 2. */
  static double log1mexp(double a) {
    return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
  }
}
