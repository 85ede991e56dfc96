package org.tunelab.pruner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/**
 * Prunes a trial whose latest intermediate value leaves {@code [lower, upper]} or is NaN: Optuna's
 * {@code ThresholdPruner}. A missing bound is {@code null}; at least one must be given.
 *
 * <pre>{@code
 * Pruner diverged = new ThresholdPruner(null, 10.0, 0, 1);  // a loss above 10 will not come back
 * }</pre>
 */
public final class ThresholdPruner implements Pruner {
  private final Double lower;
  private final Double upper;
  private final int nWarmupSteps;
  private final int intervalSteps;

  public ThresholdPruner(Double lower, Double upper, int nWarmupSteps, int intervalSteps) {
    if (lower == null && upper == null) throw new IllegalArgumentException("give lower, upper or both");
    if (lower != null && upper != null && lower > upper) {
      throw new IllegalArgumentException("lower must be <= upper, got lower=" + lower + " upper=" + upper);
    }
    PrunerSteps.requireAtLeast("n_warmup_steps", nWarmupSteps, 0);
    PrunerSteps.requireAtLeast("interval_steps", intervalSteps, 1);
    this.lower = lower;
    this.upper = upper;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    Integer step = trial.lastStep();
    if (step == null || step < nWarmupSteps) return false;
    if (!PrunerSteps.isFirstInIntervalStep(step, trial.intermediateValues().keySet(), nWarmupSteps, intervalSteps)) {
      return false;
    }
    double latest = trial.intermediateValues().get(step);
    if (Double.isNaN(latest)) return true;
    return (lower != null && latest < lower) || (upper != null && latest > upper);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "threshold");
    s.put("lower", lower);
    s.put("upper", upper);
    s.put("n_warmup_steps", (long) nWarmupSteps);
    s.put("interval_steps", (long) intervalSteps);
    return s;
  }

  @Override
  public String toString() {
    return settings().toString();
  }
}
