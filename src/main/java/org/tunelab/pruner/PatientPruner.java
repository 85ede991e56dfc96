package org.tunelab.pruner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;

/**
 * Waits for a trial to stop improving: when its best value over the last {@code patience + 1}
 * steps is no better (by more than {@code minDelta}) than its best before them, the trial is
 * pruned, or the wrapped pruner decides. Optuna's {@code PatientPruner}.
 *
 * <pre>{@code
 * Pruner p = new PatientPruner(Pruner.median(), 3, 0.0); // the median rule, only once progress stalls
 * }</pre>
 *
 * @param wrapped the pruner that decides once patience ran out, or {@code null} to prune then
 */
public record PatientPruner(Pruner wrapped, int patience, double minDelta) implements Pruner {
  public PatientPruner {
    PrunerSteps.requireAtLeast("patience", patience, 0);
    if (!(minDelta >= 0)) throw new IllegalArgumentException("min_delta must be >= 0, got " + minDelta);
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    StudyDirection direction = PrunerSteps.direction(study, "the patient pruner");
    if (trial.lastStep() == null) return false;
    List<Double> values = new ArrayList<>(trial.intermediateValues().values()); // sorted by step
    if (values.size() <= patience + 1) return false;
    int split = values.size() - patience - 1;
    double before = best(values.subList(0, split), direction);
    double after = best(values.subList(split, values.size()), direction);
    boolean stalled = direction == StudyDirection.MINIMIZE ? before + minDelta < after : before - minDelta > after;
    if (!stalled) return false;
    return wrapped == null || wrapped.prune(study, trial);
  }

  /** numpy's nanmin / nanmax: NaN only when all are NaN, which makes any comparison false. */
  private static double best(List<Double> values, StudyDirection direction) {
    double best = Double.NaN;
    for (double v : values) if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) best = v;
    return best;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "patient");
    s.put("patience", (long) patience);
    s.put("min_delta", minDelta);
    if (wrapped != null) s.put("wrapped", wrapped.settings());
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatientPruner p && Objects.equals(settings(), p.settings());
  }

  @Override
  public int hashCode() {
    return settings().hashCode();
  }
}
