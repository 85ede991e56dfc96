package org.tunelab.pruner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the
 * COMPLETE trials' values at the same step: Optuna's {@code PercentilePruner}, and with 50 its
 * {@code MedianPruner}. Judges nothing before {@code nStartupTrials} trials completed, before step
 * {@code nWarmupSteps}, or with fewer than {@code nMinTrials} values at the step; judges once per
 * {@code intervalSteps}. A trial whose values are all NaN is pruned.
 *
 * <pre>{@code
 * Pruner p = PercentilePruner.median(5, 0, 1, 1);               // Optuna's MedianPruner()
 * Pruner q = new PercentilePruner(25.0, 5, 10, 1, 1);           // keep the best quarter after step 10
 * }</pre>
 */
public final class PercentilePruner implements Pruner {
  private final double percentile;
  private final int nStartupTrials;
  private final int nWarmupSteps;
  private final int intervalSteps;
  private final int nMinTrials;
  private final boolean median;

  public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    this(percentile, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials, false);
  }

  private PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps,
      int nMinTrials, boolean median) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
    }
    PrunerSteps.requireAtLeast("n_startup_trials", nStartupTrials, 0);
    PrunerSteps.requireAtLeast("n_warmup_steps", nWarmupSteps, 0);
    PrunerSteps.requireAtLeast("interval_steps", intervalSteps, 1);
    PrunerSteps.requireAtLeast("n_min_trials", nMinTrials, 1);
    this.percentile = percentile;
    this.nStartupTrials = nStartupTrials;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
    this.nMinTrials = nMinTrials;
    this.median = median;
  }

  /** Optuna's {@code MedianPruner}: the 50th percentile. */
  public static PercentilePruner median(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    return new PercentilePruner(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials, true);
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    StudyDirection direction = PrunerSteps.direction(study, median ? "the median pruner" : "the percentile pruner");
    Integer step = trial.lastStep();
    if (step == null || step < nWarmupSteps) return false;
    if (!PrunerSteps.isFirstInIntervalStep(step, trial.intermediateValues().keySet(), nWarmupSteps, intervalSteps)) {
      return false;
    }
    List<FrozenTrial> complete = study.trials(Set.of(TrialState.COMPLETE));
    if (complete.isEmpty() || complete.size() < nStartupTrials) return false;
    double best = PrunerSteps.bestIntermediate(trial, direction);
    if (Double.isNaN(best)) return true;
    List<Double> atStep = new ArrayList<>();
    for (FrozenTrial t : complete) {
      Double v = t.intermediateValues().get(step);
      if (v != null) atStep.add(v);
    }
    if (atStep.size() < nMinTrials) return false;
    double p = nanPercentile(atStep, direction == StudyDirection.MAXIMIZE ? 100 - percentile : percentile);
    if (Double.isNaN(p)) return false;
    return direction == StudyDirection.MAXIMIZE ? best < p : best > p;
  }

  /** numpy's {@code nanpercentile} with linear interpolation; NaN when every value is NaN. */
  static double nanPercentile(List<Double> values, double q) {
    double[] x = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
    if (x.length == 0) return Double.NaN;
    Arrays.sort(x);
    double index = q / 100.0 * (x.length - 1);
    int lo = (int) Math.floor(index);
    int hi = Math.min(lo + 1, x.length - 1);
    double frac = index - lo;
    if (x[hi] == x[lo]) return x[lo]; // also keeps inf - inf from turning into NaN
    return x[lo] + (x[hi] - x[lo]) * frac;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", median ? "median" : "percentile");
    if (!median) s.put("percentile", percentile);
    s.put("n_startup_trials", (long) nStartupTrials);
    s.put("n_warmup_steps", (long) nWarmupSteps);
    s.put("interval_steps", (long) intervalSteps);
    s.put("n_min_trials", (long) nMinTrials);
    return s;
  }

  @Override
  public String toString() {
    return settings().toString();
  }
}
