package org.tunelab.app.design.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/**
 * What the validator found in a list of drafts: the space when nothing is wrong, each field's error,
 * and each row's parameter when that row on its own is right (so a preview can show it while another
 * row is broken). Immutable.
 *
 * @param space the search space, or {@code null} when any error remains
 * @param messages every error as a sentence naming the parameter and field, in row order
 * @param fieldErrors by draft id, the error of each wrong field
 * @param params by draft id, the parameter of each row whose own fields are right
 */
public record SpaceValidation(SearchSpace space, List<String> messages,
    Map<Long, Map<ParamField, String>> fieldErrors, Map<Long, Param> params) {

  public SpaceValidation {
    messages = List.copyOf(messages);
    Map<Long, Map<ParamField, String>> copy = new LinkedHashMap<>();
    fieldErrors.forEach((id, m) -> copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    fieldErrors = Collections.unmodifiableMap(copy);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public boolean isValid() {
    return space != null;
  }

  /** The error of one field of one row, or {@code null}. */
  public String error(long id, ParamField field) {
    Map<ParamField, String> m = fieldErrors.get(id);
    return m == null ? null : m.get(field);
  }

  /** Whether any field of the row is wrong. */
  public boolean hasErrors(long id) {
    Map<ParamField, String> m = fieldErrors.get(id);
    return m != null && !m.isEmpty();
  }
}
