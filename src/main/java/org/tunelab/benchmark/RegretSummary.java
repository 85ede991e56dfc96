package org.tunelab.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Median and quartiles of regret over seeds for one (function, sampler, budget), with numpy's
 * default (linear) percentile interpolation so the numbers compare with Optuna's baseline.
 */
public record RegretSummary(String function, String sampler, int budget, int seeds, double median, double q25,
    double q75) {

  /** One summary per (function, sampler, budget) found in {@code rows}, in that order. */
  public static List<RegretSummary> of(List<BenchmarkRow> rows) {
    Map<String, List<BenchmarkRow>> groups = new TreeMap<>();
    for (BenchmarkRow r : rows) {
      String key = r.function() + "\u0000" + r.sampler() + "\u0000" + String.format("%09d", r.budget());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<RegretSummary> out = new ArrayList<>();
    for (List<BenchmarkRow> g : groups.values()) {
      double[] regrets = g.stream().mapToDouble(BenchmarkRow::regret).toArray();
      BenchmarkRow first = g.get(0);
      out.add(new RegretSummary(first.function(), first.sampler(), first.budget(), regrets.length,
          percentile(regrets, 50), percentile(regrets, 25), percentile(regrets, 75)));
    }
    return out;
  }

  /** numpy.percentile with linear interpolation. */
  public static double percentile(double[] values, double q) {
    if (values.length == 0) return Double.NaN;
    double[] s = values.clone();
    Arrays.sort(s);
    double pos = (s.length - 1) * q / 100.0;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }
}
