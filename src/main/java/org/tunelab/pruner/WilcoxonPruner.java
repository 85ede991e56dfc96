package org.tunelab.pruner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tunelab.trial.BestTrials;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Compares a trial with the best trial step by step (the steps are, say, folds or instances of a
 * benchmark, reported in any order) with a one-sided Wilcoxon signed-rank test, and prunes it when
 * it is significantly worse: Optuna's {@code WilcoxonPruner} (v3.6+). A trial whose average over its
 * steps is better than the best trial's average is never pruned. Trials or best trials with
 * non-finite values are never judged.
 *
 * <pre>{@code
 * Pruner w = new WilcoxonPruner(0.1, 2);  // Optuna's defaults
 * }</pre>
 */
public record WilcoxonPruner(double pThreshold, int nStartupSteps) implements Pruner {
  public WilcoxonPruner {
    if (!(pThreshold >= 0 && pThreshold <= 1)) {
      throw new IllegalArgumentException("p_threshold must be in [0, 1], got " + pThreshold);
    }
    PrunerSteps.requireAtLeast("n_startup_steps", nStartupSteps, 0);
  }

  public static WilcoxonPruner withDefaults() {
    return new WilcoxonPruner(0.1, 2);
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    StudyDirection direction = PrunerSteps.direction(study, "the Wilcoxon pruner");
    Map<Integer, Double> mine = trial.intermediateValues();
    if (mine.isEmpty() || !allFinite(mine.values())) return false;
    Optional<FrozenTrial> best = BestTrials.best(study.trials(Set.of(TrialState.COMPLETE)), direction);
    if (best.isEmpty() || best.get().intermediateValues().isEmpty()) return false;
    Map<Integer, Double> theirs = best.get().intermediateValues();
    if (!allFinite(theirs.values())) return false;
    List<Double> diffs = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : mine.entrySet()) {
      Double b = theirs.get(e.getKey());
      if (b != null) diffs.add(e.getValue() - b);
    }
    if (diffs.size() < nStartupSteps || diffs.isEmpty()) return false;
    double myAverage = average(mine.values());
    double bestAverage = average(theirs.values());
    boolean maximize = direction == StudyDirection.MAXIMIZE;
    boolean averageIsBest = maximize ? bestAverage <= myAverage : bestAverage >= myAverage;
    double p = SignedRankTest.pValue(diffs, !maximize);
    return p < pThreshold && !averageIsBest;
  }

  private static boolean allFinite(Iterable<Double> values) {
    for (double v : values) if (!Double.isFinite(v)) return false;
    return true;
  }

  private static double average(Iterable<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      sum += v;
      n++;
    }
    return sum / n;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "wilcoxon");
    s.put("p_threshold", pThreshold);
    s.put("n_startup_steps", (long) nStartupSteps);
    return s;
  }
}
