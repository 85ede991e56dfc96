package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * A rank plot (Optuna's {@code plot_rank}): trials placed by pairs of parameters and coloured by the
 * rank of their objective value, which shows where good trials cluster even when values span orders
 * of magnitude. Ties get their average rank; infeasible trials are flagged so a chart greys them.
 *
 * <pre>{@code
 * RankPlot rank = RankPlot.of(trials, 0, List.of());
 * rank.entries().get(0).rank();   // 0 for the smallest value, 1 for the largest
 * }</pre>
 *
 * @param axes the parameters, sorted by name
 * @param entries one per completed trial with a finite value
 */
public record RankPlot(int objective, List<ParamAxis> axes, List<Entry> entries) {

  /**
   * One trial: its position on each axis (NaN where it did not use the parameter), its value, and the
   * value's rank scaled to [0, 1] (0.5 when there is one trial).
   */
  public record Entry(int trialNumber, double[] positions, double value, double rank, boolean feasible) {}

  public RankPlot {
    axes = List.copyOf(axes);
    entries = List.copyOf(entries);
  }

  public static RankPlot of(List<FrozenTrial> trials, int objective, List<String> params) {
    List<FrozenTrial> complete = Targets.completeWithFinite(trials, objective);
    List<String> names = params.isEmpty() ? ParamAxis.paramNames(complete) : params;
    List<ParamAxis> axes = new ArrayList<>();
    for (String n : names) axes.add(ParamAxis.of(n, complete));
    double[] values = complete.stream().mapToDouble(t -> t.values().get(objective)).toArray();
    double[] ranks = averageRanks(values);
    List<Entry> entries = new ArrayList<>();
    for (int k = 0; k < complete.size(); k++) {
      FrozenTrial t = complete.get(k);
      double[] positions = new double[axes.size()];
      for (int a = 0; a < axes.size(); a++) positions[a] = axes.get(a).position(t);
      double scaled = values.length == 1 ? 0.5 : ranks[k] / (values.length - 1);
      entries.add(new Entry(t.number(), positions, values[k], scaled, Feasibility.isFeasible(t)));
    }
    return new RankPlot(objective, axes, entries);
  }

  /** 0-based ranks, ties sharing the mean of the ranks they span (scipy's {@code rankdata} minus 1). */
  static double[] averageRanks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int k = 0; k < order.length; k++) order[k] = k;
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[values.length];
    int k = 0;
    while (k < order.length) {
      int end = k;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[k]]) end++;
      double mean = (k + end) / 2.0;
      for (int m = k; m <= end; m++) ranks[order[m]] = mean;
      k = end + 1;
    }
    return ranks;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
