package org.tunelab.interop;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunelab.json.PythonJson;
import org.tunelab.trial.FrozenTrial;

/** TuneLab's reading of trials in the exact JSON {@link PythonOptuna#DUMP} prints, for comparing the two. */
final class TrialsAsPython {
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private TrialsAsPython() {}

  static String json(List<FrozenTrial> trials) {
    List<Object> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      Map<String, Object> o = new TreeMap<>();
      o.put("number", (long) t.number());
      o.put("state", t.state().name());
      o.put("values", t.values());
      o.put("params", new TreeMap<>(t.params()));
      o.put("user_attrs", sorted(t.userAttrs()));
      Map<String, Object> intermediate = new TreeMap<>();
      t.intermediateValues().forEach((k, v) -> intermediate.put(String.valueOf(k), v));
      o.put("intermediate_values", intermediate);
      o.put("datetime_start", format(t.datetimeStart()));
      o.put("datetime_complete", format(t.datetimeComplete()));
      out.add(o);
    }
    return PythonJson.write(out);
  }

  /** Python's {@code sort_keys} sorts nested objects too. */
  @SuppressWarnings("unchecked")
  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, sorted(x)));
      return out;
    }
    if (v instanceof List<?> l) return l.stream().map(TrialsAsPython::sorted).toList();
    return v;
  }

  private static String format(LocalDateTime t) {
    return t == null ? null : t.format(MICROS);
  }
}
