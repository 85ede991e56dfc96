package org.tunelab.space;

import java.math.BigDecimal;
import org.tunelab.json.PythonFloat;

/**
 * A float range, optionally on a log scale or a step grid (not both). As in Optuna, a {@code high}
 * that is not on the step grid is lowered to the last grid point.
 *
 * <pre>{@code
 * FloatDistribution lr = FloatDistribution.log(1e-5, 1e-1);
 * FloatDistribution dropout = FloatDistribution.stepped(0.0, 0.5, 0.1);
 * }</pre>
 *
 * @param step the grid spacing, or {@code null} for a continuous range
 */
public record FloatDistribution(double low, double high, Double step, boolean log) implements Distribution {

  public FloatDistribution {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new InvalidDistributionException("low and high must be finite, got low=" + PythonFloat.repr(low)
          + " high=" + PythonFloat.repr(high));
    }
    if (low > high) {
      throw new InvalidDistributionException("low must be <= high, got low=" + PythonFloat.repr(low)
          + " high=" + PythonFloat.repr(high));
    }
    if (log && step != null) {
      throw new InvalidDistributionException("step and log cannot be used together (step="
          + PythonFloat.repr(step) + ")");
    }
    if (log && low <= 0) {
      throw new InvalidDistributionException("low must be > 0 for a log scale, got low=" + PythonFloat.repr(low));
    }
    if (step != null) {
      if (!(step > 0) || !Double.isFinite(step)) {
        throw new InvalidDistributionException("step must be > 0, got step=" + PythonFloat.repr(step));
      }
      high = adjustHigh(low, high, step);
    }
  }

  /** A continuous linear range. */
  public static FloatDistribution of(double low, double high) {
    return new FloatDistribution(low, high, null, false);
  }

  /** A continuous range sampled on a log scale. */
  public static FloatDistribution log(double low, double high) {
    return new FloatDistribution(low, high, null, true);
  }

  /** A range restricted to {@code low + k * step}. */
  public static FloatDistribution stepped(double low, double high, double step) {
    return new FloatDistribution(low, high, step, false);
  }

  /** Lowers high onto the step grid with decimal arithmetic, as Optuna does with {@code Decimal(str(x))}. */
  private static double adjustHigh(double low, double high, double step) {
    BigDecimal lowD = new BigDecimal(PythonFloat.repr(low));
    BigDecimal range = new BigDecimal(PythonFloat.repr(high)).subtract(lowD);
    BigDecimal stepD = new BigDecimal(PythonFloat.repr(step));
    BigDecimal steps = range.divideToIntegralValue(stepD);
    BigDecimal adjusted = steps.multiply(stepD).add(lowD);
    return adjusted.compareTo(range.add(lowD)) == 0 ? high : adjusted.doubleValue();
  }

  @Override
  public double toInternal(Object external) {
    if (external instanceof Number n && !(external instanceof java.math.BigInteger)) {
      return n.doubleValue();
    }
    throw new InvalidDistributionException("expected a number for " + describe() + ", got " + external);
  }

  @Override
  public Object toExternal(double internal) {
    return internal;
  }

  @Override
  public boolean contains(double value) {
    if (!(value >= low && value <= high)) return false;
    if (step == null) return true;
    double k = (value - low) / step;
    return Math.abs(k - Math.round(k)) < 1e-8;
  }

  @Override
  public boolean isSingle() {
    if (low == high) return true;
    return step != null && high - low < step;
  }

  @Override
  public String describe() {
    String range = "float [" + PythonFloat.repr(low) + ", " + PythonFloat.repr(high) + "]";
    if (log) return range + " log";
    return step == null ? range : range + " step " + PythonFloat.repr(step);
  }
}
