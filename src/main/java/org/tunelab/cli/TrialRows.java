package org.tunelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunelab.trial.FrozenTrial;

/**
 * Trials as rows, with Optuna's {@code trials_dataframe} column names ({@code value} or
 * {@code values_0..n}, {@code params_NAME}, {@code user_attrs_KEY}); parameters and attributes a
 * trial lacks are empty cells.
 */
final class TrialRows {
  private TrialRows() {}

  static Table table(List<FrozenTrial> trials, int objectives) {
    Set<String> params = new LinkedHashSet<>();
    Set<String> attrs = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      params.addAll(t.params().keySet());
      attrs.addAll(t.userAttrs().keySet());
    }
    List<String> header = new ArrayList<>(List.of("number", "state"));
    if (objectives == 1) header.add("value");
    else for (int i = 0; i < objectives; i++) header.add("values_" + i);
    header.addAll(List.of("datetime_start", "datetime_complete", "duration"));
    params.forEach(p -> header.add("params_" + p));
    attrs.forEach(a -> header.add("user_attrs_" + a));
    Table table = new Table(header);
    for (FrozenTrial t : trials) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(t.number()), t.state().name()));
      for (int i = 0; i < objectives; i++) {
        row.add(t.values() != null && i < t.values().size() ? Cells.number(t.values().get(i)) : "");
      }
      row.add(Cells.datetime(t.datetimeStart()));
      row.add(Cells.datetime(t.datetimeComplete()));
      row.add(Cells.number(Cells.seconds(t.duration())));
      for (String p : params) row.add(t.params().containsKey(p) ? Cells.value(t.params().get(p)) : "");
      for (String a : attrs) row.add(t.userAttrs().containsKey(a) ? Cells.value(t.userAttrs().get(a)) : "");
      table.add(row);
    }
    return table;
  }

  static List<Object> json(List<FrozenTrial> trials, int objectives) {
    List<Object> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("number", (long) t.number());
      o.put("state", t.state().name());
      if (objectives == 1) o.put("value", t.hasValues() ? t.values().get(0) : null);
      else o.put("values", t.values());
      o.put("datetime_start", t.datetimeStart() == null ? null : Cells.datetime(t.datetimeStart()));
      o.put("datetime_complete", t.datetimeComplete() == null ? null : Cells.datetime(t.datetimeComplete()));
      o.put("duration", Cells.seconds(t.duration()));
      o.put("params", t.params());
      o.put("user_attrs", t.userAttrs());
      Map<String, Object> intermediate = new LinkedHashMap<>();
      t.intermediateValues().forEach((step, v) -> intermediate.put(String.valueOf(step), v));
      o.put("intermediate_values", intermediate);
      out.add(o);
    }
    return out;
  }
}
