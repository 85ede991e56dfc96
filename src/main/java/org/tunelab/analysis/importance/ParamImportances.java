package org.tunelab.analysis.importance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameter importances as an evaluator assessed them, in descending order, summing to 1 (0 for a
 * parameter with a single possible value), as {@code optuna.importance.get_param_importances} returns.
 *
 * <pre>{@code
 * ParamImportances imp = new FanovaEvaluator(42).evaluate(trials, directions, 0);
 * imp.entries().get(0).param();   // the most important parameter
 * }</pre>
 *
 * @param evaluator {@code fanova} or {@code ped-anova}
 * @param objective the objective evaluated
 * @param trialCount how many trials the assessment used
 * @param entries one per parameter, most important first
 */
public record ParamImportances(String evaluator, int objective, int trialCount, List<Entry> entries) {

  /** A parameter and its share of the importance. */
  public record Entry(String param, double importance) {}

  public ParamImportances {
    Objects.requireNonNull(evaluator, "evaluator");
    entries = List.copyOf(entries);
  }

  /** Parameter to importance, in descending order of importance. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (Entry e : entries) map.put(e.param(), e.importance());
    return map;
  }

  /** The parameter names, most important first. */
  public List<String> ranking() {
    return entries.stream().map(Entry::param).toList();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
