package org.tunelab.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The trials table as CSV: number, state, values, parameters (params_NAME), user attributes
 * (user_attrs_KEY), duration in seconds and start, as {@code tunelab trials --format csv} and
 * Optuna's {@code trials_dataframe} name the columns. Fields are quoted as RFC 4180 says.
 */
final class TrialCsv {
  private TrialCsv() {}

  static String of(List<TrialRow> rows, int objectives, List<String> params, List<String> attrs) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("number", "state"));
    if (objectives == 1) header.add("value");
    else for (int k = 0; k < objectives; k++) header.add("values_" + k);
    for (String p : params) header.add("params_" + p);
    for (String a : attrs) header.add("user_attrs_" + a);
    header.add("duration");
    header.add("datetime_start");
    line(out, header);
    for (TrialRow r : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(r.number()));
      cells.add(r.state().name());
      for (int k = 0; k < objectives; k++) cells.add(r.value(k) == null ? "" : org.tunelab.json.PythonFloat.repr(r.value(k)));
      for (String p : params) cells.add(r.params().containsKey(p) ? Formats.param(r.params().get(p)) : "");
      for (String a : attrs) cells.add(r.userAttrs().containsKey(a) ? String.valueOf(r.userAttrs().get(a)) : "");
      cells.add(r.duration() == null ? "" : Double.toString(r.duration().toNanos() / 1e9));
      cells.add(r.started() == null ? "" : r.started().toString());
      line(out, cells);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
