package org.tunelab.analysis.importance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * What both evaluators start from, as Optuna's {@code importance/_base.py} prepares it: the
 * intersection search space of the COMPLETE trials (parameters all of them used with equal
 * distributions, sorted by name) and the trials that have all those parameters and a finite value.
 *
 * @param distributions the assessed parameters by name, in name order
 * @param trials the usable trials
 * @param targets their values of the objective, in the same order
 */
record ImportanceInput(Map<String, Distribution> distributions, List<FrozenTrial> trials, double[] targets) {

  static ImportanceInput of(List<FrozenTrial> all, int objective) {
    List<FrozenTrial> complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    if (complete.isEmpty()) throw new InsufficientTrialsException("cannot assess importances without completed trials");
    if (complete.size() == 1) throw new InsufficientTrialsException("cannot assess importances with a single completed trial");
    Map<String, Distribution> space = null;
    for (FrozenTrial t : complete) {
      if (space == null) {
        space = new TreeMap<>(t.distributions());
        continue;
      }
      space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
    }
    Map<String, Distribution> sorted = new LinkedHashMap<>(space);
    List<FrozenTrial> usable = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (!t.hasValues() || t.values().size() <= objective) continue;
      double v = t.values().get(objective);
      if (!Double.isFinite(v) || !t.params().keySet().containsAll(sorted.keySet())) continue;
      usable.add(t);
      targets.add(v);
    }
    return new ImportanceInput(sorted, usable, targets.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The parameters that can vary: a single-valued one is important 0 and left out of the model. */
  Map<String, Distribution> varying() {
    Map<String, Distribution> m = new LinkedHashMap<>();
    distributions.forEach((k, d) -> {
      if (!d.isSingle()) m.put(k, d);
    });
    return m;
  }

  /** Importances sorted descending (ties by name), with the single-valued parameters at 0 after them. */
  ParamImportances result(String evaluator, int objective, Map<String, Double> varying) {
    List<ParamImportances.Entry> entries = new ArrayList<>();
    varying.forEach((k, v) -> entries.add(new ParamImportances.Entry(k, v)));
    distributions.forEach((k, d) -> {
      if (d.isSingle()) entries.add(new ParamImportances.Entry(k, 0.0));
    });
    entries.sort((a, b) -> a.importance() != b.importance() ? Double.compare(b.importance(), a.importance())
        : a.param().compareTo(b.param()));
    return new ParamImportances(evaluator, objective, trials.size(), entries);
  }
}
