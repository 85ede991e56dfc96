package org.tunelab.space;

/**
 * An integer range with a step, optionally on a log scale (then the step must be 1). A {@code high}
 * that is not on the step grid is lowered to the last grid point, as Optuna does.
 *
 * <pre>{@code
 * IntDistribution layers = IntDistribution.of(1, 4);
 * IntDistribution units = IntDistribution.log(8, 512);
 * }</pre>
 */
public record IntDistribution(long low, long high, long step, boolean log) implements Distribution {

  public IntDistribution {
    if (low > high) {
      throw new InvalidDistributionException("low must be <= high, got low=" + low + " high=" + high);
    }
    if (step < 1) {
      throw new InvalidDistributionException("step must be >= 1, got step=" + step);
    }
    if (log && low < 1) {
      throw new InvalidDistributionException("low must be >= 1 for a log scale, got low=" + low);
    }
    if (log && step != 1) {
      throw new InvalidDistributionException("step must be 1 for a log scale, got step=" + step);
    }
    high = (high - low) / step * step + low;
  }

  public static IntDistribution of(long low, long high) {
    return new IntDistribution(low, high, 1, false);
  }

  public static IntDistribution log(long low, long high) {
    return new IntDistribution(low, high, 1, true);
  }

  public static IntDistribution stepped(long low, long high, long step) {
    return new IntDistribution(low, high, step, false);
  }

  @Override
  public double toInternal(Object external) {
    if (external instanceof Long || external instanceof Integer || external instanceof Short
        || external instanceof Byte) {
      return ((Number) external).longValue();
    }
    if (external instanceof Double d && d == Math.rint(d) && Double.isFinite(d)) {
      return d;
    }
    throw new InvalidDistributionException("expected an integer for " + describe() + ", got " + external);
  }

  @Override
  public Object toExternal(double internal) {
    return (long) internal;
  }

  @Override
  public boolean contains(double value) {
    if (!(value >= low && value <= high)) return false;
    double k = (value - low) / step;
    return Math.abs(k - Math.round(k)) < 1e-8;
  }

  @Override
  public boolean isSingle() {
    return low == high || high - low < step;
  }

  /** Number of grid points in the range. */
  public long size() {
    return (high - low) / step + 1;
  }

  @Override
  public String describe() {
    String range = "int [" + low + ", " + high + "]";
    if (log) return range + " log";
    return step == 1 ? range : range + " step " + step;
  }
}
