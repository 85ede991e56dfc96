package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

/**
 * How the prior of one parameter looks: seeded draws of {@link RandomSampler#sample} counted in bins on
 * the parameter's own scale. A log parameter gets bins of equal width in log space (so a log-uniform
 * prior is flat); a categorical gets one bar per choice; an int or stepped float with few values gets
 * one bar per value. Plain data, no JavaFX: the view only draws the bars.
 *
 * <pre>{@code
 * PriorHistogram h = PriorHistogram.of(FloatDistribution.log(1e-5, 1e-1), 2000, 0L, 30);
 * }</pre>
 *
 * @param bins the bars in order along the axis
 * @param logScale whether the bars are spaced on a log scale
 * @param samples how many draws were counted
 */
public record PriorHistogram(List<Bin> bins, boolean logScale, int samples) {
  /** More distinct values than this are binned into ranges instead of one bar each. */
  public static final int MAX_VALUE_BARS = 50;

  public PriorHistogram {
    bins = List.copyOf(bins);
  }

  /**
   * One bar: the draws in {@code [lower, upper)} (the last bar includes its upper edge), or equal to
   * one value when {@code lower == upper}. For a categorical the edges are the choice's index.
   */
  public record Bin(String label, double lower, double upper, int count) {}

  /** Draws {@code samples} values with {@code seed} and counts them in about {@code ranges} bars. */
  public static PriorHistogram of(Distribution distribution, int samples, long seed, int ranges) {
    if (samples < 1 || ranges < 1) throw new IllegalArgumentException("samples and ranges must be >= 1");
    SplittableRandom rng = new SplittableRandom(seed);
    double[] draws = new double[samples];
    for (int i = 0; i < samples; i++) draws[i] = RandomSampler.sample(distribution, rng);
    if (distribution instanceof CategoricalDistribution c) {
      List<String> labels = new ArrayList<>();
      for (Object choice : c.choices()) labels.add(ChoiceText.format(choice));
      return perValue(draws, 0, 1, labels, false);
    }
    if (distribution instanceof IntDistribution i) {
      if (i.size() <= MAX_VALUE_BARS) {
        List<String> labels = new ArrayList<>();
        for (long v = i.low(); v <= i.high(); v += i.step()) labels.add(String.valueOf(v));
        return perValue(draws, i.low(), i.step(), labels, i.log());
      }
      return ranges(draws, i.low(), i.high(), i.log(), ranges);
    }
    FloatDistribution f = (FloatDistribution) distribution;
    if (f.step() != null && Math.round((f.high() - f.low()) / f.step()) + 1 <= MAX_VALUE_BARS) {
      List<String> labels = new ArrayList<>();
      long points = Math.round((f.high() - f.low()) / f.step()) + 1;
      for (long k = 0; k < points; k++) labels.add(number(f.low() + k * f.step()));
      return perValue(draws, f.low(), f.step(), labels, false);
    }
    if (f.low() == f.high()) return perValue(draws, f.low(), 1, List.of(number(f.low())), f.log());
    return ranges(draws, f.low(), f.high(), f.log(), ranges);
  }

  private static PriorHistogram perValue(double[] draws, double low, double step, List<String> labels, boolean log) {
    int[] counts = new int[labels.size()];
    for (double d : draws) {
      int k = (int) Math.round((d - low) / step);
      counts[Math.max(0, Math.min(counts.length - 1, k))]++;
    }
    List<Bin> bins = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      double v = low + k * step;
      bins.add(new Bin(labels.get(k), v, v, counts[k]));
    }
    return new PriorHistogram(bins, log, draws.length);
  }

  private static PriorHistogram ranges(double[] draws, double low, double high, boolean log, int n) {
    double a = log ? Math.log(low) : low;
    double b = log ? Math.log(high) : high;
    int[] counts = new int[n];
    for (double d : draws) {
      double t = log ? Math.log(d) : d;
      int k = (int) Math.floor((t - a) / (b - a) * n);
      counts[Math.max(0, Math.min(n - 1, k))]++;
    }
    List<Bin> bins = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double lo = edge(a, b, k, n, log);
      double hi = edge(a, b, k + 1, n, log);
      bins.add(new Bin(number(lo), lo, hi, counts[k]));
    }
    return new PriorHistogram(bins, log, draws.length);
  }

  private static double edge(double a, double b, int k, int n, boolean log) {
    double t = a + (b - a) * k / n;
    return log ? Math.exp(t) : t;
  }

  /** A short axis label: three significant digits, no trailing zeros. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    String s = String.format(Locale.ROOT, "%.3g", v);
    if (s.contains("e")) {
      String mantissa = s.substring(0, s.indexOf('e'));
      String exponent = s.substring(s.indexOf('e'));
      if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
      return mantissa + exponent.replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Whether each bar stands for one value (a choice, an int, a grid point) rather than a range. */
  public boolean perValue() {
    return bins.isEmpty() || bins.get(0).lower() == bins.get(0).upper();
  }

  /**
   * Round values to label a range axis with: powers of ten on a log axis (with 2 and 5 times them when
   * the range spans less than two decades), multiples of 1, 2 or 5 times a power of ten on a linear
   * one. Empty for a per-value histogram, whose bars carry their own labels.
   */
  public List<Double> axisTicks() {
    if (perValue()) return List.of();
    double lo = bins.get(0).lower();
    double hi = bins.get(bins.size() - 1).upper();
    List<Double> ticks = new ArrayList<>();
    if (logScale) {
      int first = (int) Math.floor(Math.log10(lo));
      int last = (int) Math.ceil(Math.log10(hi));
      double[] mantissas = last - first <= 2 ? new double[] {1, 2, 5} : new double[] {1};
      for (int e = first; e <= last; e++) {
        for (double m : mantissas) {
          double v = m * Math.pow(10, e);
          if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.add(v);
        }
      }
      return ticks;
    }
    double raw = (hi - lo) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
        : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
    java.math.BigDecimal exact = java.math.BigDecimal.valueOf(step);
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
      ticks.add(exact.multiply(java.math.BigDecimal.valueOf(k)).doubleValue()); // 0.6, not 3 * 0.2
    }
    return ticks;
  }

  /** The largest count, for scaling the bars. */
  public int maxCount() {
    int max = 0;
    for (Bin b : bins) max = Math.max(max, b.count());
    return max;
  }
}
