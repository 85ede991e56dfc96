package org.tunelab.pruner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Asynchronous successive halving (ASHA), as Optuna's {@code SuccessiveHalvingPruner}. Rung
 * {@code r} is reached at step {@code minResource * reductionFactor^(minEarlyStoppingRate + r)};
 * there the trial's value is written to its system attribute {@code completed_rung_<r>} and the
 * trial goes on only if it is among the top {@code 1/reductionFactor} of every value recorded at
 * that rung so far (at least the best one). Trials are never paused: the first ones are promoted
 * when they are the best yet.
 *
 * <p>With {@code minResource} {@code null} ("auto") it is estimated once, from the first completed
 * trials: {@code max(last step // 100, 1)}; until a trial completed nothing is pruned.
 *
 * <pre>{@code
 * Pruner asha = SuccessiveHalvingPruner.withDefaults();         // Optuna's defaults: auto, 4, 0, 0
 * Pruner custom = new SuccessiveHalvingPruner(1L, 3, 0, 0);
 * }</pre>
 */
public final class SuccessiveHalvingPruner implements Pruner {
  static final String RUNG_KEY = "completed_rung_";
  private static final long UNKNOWN = -1;

  private final Long configuredMinResource;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;
  /** "auto" resolved once, as Optuna does, so that rungs do not move as trials get longer. */
  private final AtomicLong minResource;

  /** @param minResource the first rung's step, or {@code null} for "auto" */
  public SuccessiveHalvingPruner(Long minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
    if (minResource != null) PrunerSteps.requireAtLeast("min_resource", minResource, 1);
    PrunerSteps.requireAtLeast("reduction_factor", reductionFactor, 2);
    PrunerSteps.requireAtLeast("min_early_stopping_rate", minEarlyStoppingRate, 0);
    PrunerSteps.requireAtLeast("bootstrap_count", bootstrapCount, 0);
    if (bootstrapCount > 0 && minResource == null) {
      throw new IllegalArgumentException("bootstrap_count > 0 needs a fixed min_resource, not auto");
    }
    this.configuredMinResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
    this.minResource = new AtomicLong(minResource == null ? UNKNOWN : minResource);
  }

  public static SuccessiveHalvingPruner withDefaults() {
    return new SuccessiveHalvingPruner(null, 4, 0, 0);
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    StudyDirection direction = PrunerSteps.direction(study, "successive halving");
    Integer step = trial.lastStep();
    if (step == null) return false;
    int rung = currentRung(trial);
    double value = trial.intermediateValues().get(step);
    List<FrozenTrial> trials = null;
    while (true) {
      if (minResource.get() == UNKNOWN) {
        trials = study.trials(Set.of());
        long estimate = estimateMinResource(trials);
        if (estimate == UNKNOWN) return false;
        minResource.compareAndSet(UNKNOWN, estimate);
      }
      double promotionStep = minResource.get() * Math.pow(reductionFactor, minEarlyStoppingRate + rung);
      if (step < promotionStep) return false;
      if (Double.isNaN(value)) return true;
      if (trials == null) trials = study.trials(Set.of());
      String key = RUNG_KEY + rung;
      study.setTrialSystemAttr(trial.trialId(), key, value);
      List<Double> competing = new ArrayList<>();
      for (FrozenTrial t : trials) {
        if (t.trialId() != trial.trialId() && t.systemAttrs().get(key) instanceof Number n) competing.add(n.doubleValue());
      }
      competing.add(value); // the current trial competes too, hence "<=" below
      if (competing.size() <= bootstrapCount) return true;
      if (!promotable(value, competing, direction)) return true;
      rung++;
    }
  }

  private boolean promotable(double value, List<Double> competing, StudyDirection direction) {
    int index = competing.size() / reductionFactor - 1;
    if (index == -1) index = 0; // the first trials of a rung go on if they are the best yet
    Collections.sort(competing);
    return direction == StudyDirection.MAXIMIZE ? value >= competing.get(competing.size() - 1 - index)
        : value <= competing.get(index);
  }

  static int currentRung(FrozenTrial trial) {
    int rung = 0;
    while (trial.systemAttrs().containsKey(RUNG_KEY + rung)) rung++;
    return rung;
  }

  private static long estimateMinResource(List<FrozenTrial> trials) {
    long last = UNKNOWN;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.lastStep() != null) last = Math.max(last, t.lastStep());
    }
    return last == UNKNOWN ? UNKNOWN : Math.max(last / 100, 1);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "asha");
    s.put("min_resource", configuredMinResource == null ? "auto" : configuredMinResource);
    s.put("reduction_factor", (long) reductionFactor);
    s.put("min_early_stopping_rate", (long) minEarlyStoppingRate);
    s.put("bootstrap_count", (long) bootstrapCount);
    return s;
  }

  @Override
  public String toString() {
    return settings().toString();
  }
}
