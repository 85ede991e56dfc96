package org.tunelab.app;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.tunelab.trial.TrialState;

/**
 * Which trials the table shows: trials in the chosen states, whose parameter {@code param} (when one
 * is chosen) lies in [min, max], and that match the search text (in the trial number, a parameter's
 * name or value, or a user attribute). Immutable; the table re-filters when it changes.
 *
 * @param states the states shown; all states when it holds all of them
 * @param param a parameter to restrict, or {@code null}
 * @param min the parameter's lower bound, inclusive; NaN for none
 * @param max the upper bound, inclusive; NaN for none
 * @param search text to look for, case-insensitive; empty for none
 */
public record TrialFilter(Set<TrialState> states, String param, double min, double max, String search)
    implements Predicate<TrialRow> {
  /** Shows every trial. */
  public static final TrialFilter ALL = new TrialFilter(EnumSet.allOf(TrialState.class), null, Double.NaN, Double.NaN, "");

  public TrialFilter {
    states = states.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(states);
    search = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
  }

  public TrialFilter withStates(Set<TrialState> s) {
    return new TrialFilter(s, param, min, max, search);
  }

  public TrialFilter withRange(String p, double lo, double hi) {
    return new TrialFilter(states, p, lo, hi, search);
  }

  public TrialFilter withSearch(String text) {
    return new TrialFilter(states, param, min, max, text);
  }

  /** Whether it lets every trial through. */
  public boolean isAll() {
    return states.size() == TrialState.values().length && param == null && search.isEmpty();
  }

  @Override
  public boolean test(TrialRow row) {
    if (!states.contains(row.state())) return false;
    if (param != null && (!Double.isNaN(min) || !Double.isNaN(max))) {
      Object v = row.params().get(param);
      if (!(v instanceof Number n)) return false;
      double d = n.doubleValue();
      if (!Double.isNaN(min) && d < min || !Double.isNaN(max) && d > max) return false;
    }
    return search.isEmpty() || matches(row);
  }

  private boolean matches(TrialRow row) {
    if (Integer.toString(row.number()).equals(search) || ("#" + row.number()).equals(search)) return true;
    for (var e : row.params().entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).contains(search)
          || Formats.param(e.getValue()).toLowerCase(Locale.ROOT).contains(search)) return true;
    }
    for (var e : row.userAttrs().entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).contains(search)
          || String.valueOf(e.getValue()).toLowerCase(Locale.ROOT).contains(search)) return true;
    }
    return false;
  }
}
