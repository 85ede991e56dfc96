package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.trial.TrialState;

class TrialFilterTest {
  private static TrialRow row(int n, TrialState s, Map<String, Object> params, Map<String, Object> attrs) {
    return new TrialRow(n, s, List.of(1.0), params, null, null, attrs);
  }

  private final List<TrialRow> rows = List.of(
      row(0, TrialState.COMPLETE, Map.of("x", 0.5, "opt", "adam"), Map.of()),
      row(1, TrialState.PRUNED, Map.of("x", 2.0, "opt", "sgd"), Map.of("note", "slow GPU")),
      row(2, TrialState.COMPLETE, Map.of("opt", "sgd"), Map.of()),
      row(12, TrialState.FAIL, Map.of("x", -1.0), Map.of()));

  private List<Integer> shown(TrialFilter f) {
    return rows.stream().filter(f).map(TrialRow::number).toList();
  }

  @Test
  void allShowsEverything() {
    assertEquals(List.of(0, 1, 2, 12), shown(TrialFilter.ALL));
  }

  @Test
  void statesKeepOnlyThoseStates() {
    assertEquals(List.of(0, 2), shown(TrialFilter.ALL.withStates(EnumSet.of(TrialState.COMPLETE))));
  }

  @Test
  void rangeIsInclusiveAndDropsTrialsWithoutTheParameter() {
    assertEquals(List.of(0, 1), shown(TrialFilter.ALL.withRange("x", 0.5, 2.0)));
    assertEquals(List.of(1), shown(TrialFilter.ALL.withRange("x", 1, Double.NaN)));
  }

  @Test
  void searchMatchesNumberParameterValueAndAttribute() {
    assertEquals(List.of(12), shown(TrialFilter.ALL.withSearch("#12")));
    assertEquals(List.of(1, 2), shown(TrialFilter.ALL.withSearch("SGD")));
    assertEquals(List.of(1), shown(TrialFilter.ALL.withSearch("gpu")));
  }
}
