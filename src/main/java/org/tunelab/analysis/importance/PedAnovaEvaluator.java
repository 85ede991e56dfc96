package org.tunelab.analysis.importance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * PED-ANOVA importance (Watanabe et al., 2023), as Optuna's {@code PedAnovaImportanceEvaluator} with
 * its defaults (target quantile 0.1, evaluated on the local space): the top 10 % of trials (at least
 * 2) and all trials each get a Parzen estimator per parameter on a grid of at most 50 steps; a
 * parameter's importance is the Pearson divergence of the top trials' density from all trials'. Fast
 * (no model to fit), so it suits very large studies. Deterministic: there is nothing random in it.
 *
 * <pre>{@code
 * ParamImportances imp = new PedAnovaEvaluator().evaluate(trials, List.of(StudyDirection.MINIMIZE), 0);
 * }</pre>
 */
public final class PedAnovaEvaluator implements ImportanceEvaluator {
  private static final int STEPS = 50;
  private static final int MIN_TOP_TRIALS = 2;
  private final double quantile;

  public PedAnovaEvaluator() {
    this(0.1);
  }

  /** @param quantile the share of best trials whose parameters are compared with all trials' */
  public PedAnovaEvaluator(double quantile) {
    if (!(quantile >= 0 && quantile <= 1)) throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
    this.quantile = quantile;
  }

  @Override
  public String name() {
    return "ped-anova";
  }

  @Override
  public ParamImportances evaluate(List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    ImportanceInput input = ImportanceInput.of(trials, objective);
    Map<String, Distribution> varying = input.varying();
    Map<String, Double> result = new LinkedHashMap<>();
    if (varying.isEmpty()) return input.result(name(), objective, result);
    List<FrozenTrial> all = input.trials();
    if (all.size() <= MIN_TOP_TRIALS) {
      varying.keySet().forEach(k -> result.put(k, 1.0 / varying.size()));
      return input.result(name(), objective, result);
    }
    boolean lowerBetter = directions.get(objective) == StudyDirection.MINIMIZE;
    double[] loss = input.targets().clone();
    if (!lowerBetter) for (int k = 0; k < loss.length; k++) loss[k] = -loss[k];
    double[] sorted = loss.clone();
    Arrays.sort(sorted);
    int cutoffIndex = Math.max(0, (int) Math.ceil(quantile * loss.length) - 1);
    double cutoff = Math.max(sorted[MIN_TOP_TRIALS - 1], sorted[cutoffIndex]);
    boolean[] top = new boolean[loss.length];
    for (int k = 0; k < loss.length; k++) top[k] = loss[k] <= cutoff;
    double sum = 0;
    for (Map.Entry<String, Distribution> e : varying.entrySet()) {
      double[] topCounts = counts(e.getKey(), e.getValue(), all, top);
      double[] allCounts = counts(e.getKey(), e.getValue(), all, null);
      boolean categorical = e.getValue() instanceof CategoricalDistribution;
      double[] pTop = categorical ? ScottParzenEstimator.categoricalPdf(topCounts) : ScottParzenEstimator.numericPdf(topCounts);
      double[] pAll = categorical ? ScottParzenEstimator.categoricalPdf(allCounts) : ScottParzenEstimator.numericPdf(allCounts);
      double divergence = 0;
      for (int s = 0; s < pTop.length; s++) {
        double a = pTop[s] + 1e-12;
        double b = pAll[s] + 1e-12;
        divergence += b * (a / b - 1) * (a / b - 1);
      }
      result.put(e.getKey(), divergence);
      sum += divergence;
    }
    for (Map.Entry<String, Double> e : result.entrySet()) e.setValue(sum > 0 ? e.getValue() / sum : 1.0 / result.size());
    return input.result(name(), objective, result);
  }

  /** How many of the (selected) trials fall on each grid step of the parameter. */
  private static double[] counts(String name, Distribution d, List<FrozenTrial> trials, boolean[] selected) {
    if (d instanceof CategoricalDistribution c) {
      double[] counts = new double[c.choices().size()];
      for (int k = 0; k < trials.size(); k++) {
        if (selected == null || selected[k]) counts[(int) c.toInternal(trials.get(k).params().get(name))]++;
      }
      return counts;
    }
    boolean log;
    double low;
    double high;
    int steps = STEPS;
    if (d instanceof IntDistribution i) {
      log = i.log();
      low = i.low();
      high = i.high();
      if (log) steps = Math.min((int) Math.ceil(Math.log(high - low + 1) / Math.log(2)) + 1, steps);
      else steps = (int) Math.min(Math.round((high - low) / i.step()) + 1, steps);
    } else {
      FloatDistribution f = (FloatDistribution) d;
      log = f.log();
      low = f.low();
      high = f.high();
      if (f.step() != null) steps = (int) Math.min(Math.round((high - low) / f.step()) + 1, steps);
    }
    double lo = log ? Math.log(low) : low;
    double hi = log ? Math.log(high) : high;
    double stepSize = (hi - lo) / (steps - 1);
    double[] counts = new double[steps];
    for (int k = 0; k < trials.size(); k++) {
      if (selected != null && !selected[k]) continue;
      double v = ((Number) trials.get(k).params().get(name)).doubleValue();
      v = (log ? Math.log(v) : v) - stepSize / 2;
      // the first grid point at or above v (NumPy's searchsorted, side left)
      int index = (int) Math.ceil((v - lo) / stepSize - 1e-12);
      counts[Math.max(0, Math.min(steps - 1, index))]++;
    }
    return counts;
  }
}
