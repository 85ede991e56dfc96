package org.tunelab.sampler.tpe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;

/**
 * The search spaces multivariate TPE samples jointly, kept up to date incrementally from finished
 * (COMPLETE and PRUNED) trials, which never change once finished:
 * the intersection (parameters every trial has, with one distribution) and its group decomposition
 * (the parameters that always occur together, Optuna's {@code _GroupDecomposedSearchSpace}).
 * Both results do not depend on the order in which trials are seen. Thread-safe.
 */
final class SearchSpaceTracker {
  /** Trial numbers taken in (numbers are unique within the tracker's study). */
  private final java.util.BitSet seen = new java.util.BitSet();
  private Map<String, Distribution> last;
  private Map<String, Distribution> intersection;
  private List<Map<String, Distribution>> groups = new ArrayList<>();

  /** Takes in every trial of {@code finished} not seen before. */
  synchronized void update(List<FrozenTrial> finished) {
    for (FrozenTrial t : finished) {
      if (!t.state().isFinished() || seen.get(t.number())) continue;
      seen.set(t.number());
      Map<String, Distribution> d = t.distributions();
      // Taking in a space already taken in changes neither result; it is the usual case.
      if (d.equals(last)) continue;
      last = d;
      addToIntersection(d);
      addToGroups(d);
    }
  }

  private void addToIntersection(Map<String, Distribution> d) {
    if (intersection == null) {
      intersection = new TreeMap<>(d);
      return;
    }
    intersection.entrySet().removeIf(e -> !e.getValue().equals(d.get(e.getKey())));
  }

  private void addToGroups(Map<String, Distribution> d) {
    Set<String> remaining = new HashSet<>(d.keySet());
    List<Map<String, Distribution>> next = new ArrayList<>();
    for (Map<String, Distribution> group : groups) {
      Map<String, Distribution> inside = new TreeMap<>();
      Map<String, Distribution> outside = new TreeMap<>();
      group.forEach((name, dist) -> (remaining.contains(name) ? inside : outside).put(name, dist));
      next.add(inside);
      next.add(outside);
      remaining.removeAll(group.keySet());
    }
    Map<String, Distribution> fresh = new TreeMap<>();
    remaining.forEach(name -> fresh.put(name, d.get(name)));
    next.add(fresh);
    next.removeIf(Map::isEmpty);
    groups = next;
  }

  /** Parameters in every finished trial with the same distribution, by name; single values left out. */
  synchronized Map<String, Distribution> intersection() {
    Map<String, Distribution> out = new LinkedHashMap<>();
    if (intersection != null) intersection.forEach((n, d) -> { if (!d.isSingle()) out.put(n, d); });
    return out;
  }

  /** The groups of parameters that always occur together, each by name, single values left out. */
  synchronized List<Map<String, Distribution>> groups() {
    List<Map<String, Distribution>> out = new ArrayList<>();
    for (Map<String, Distribution> g : groups) {
      Map<String, Distribution> copy = new LinkedHashMap<>();
      g.forEach((n, d) -> { if (!d.isSingle()) copy.put(n, d); });
      if (!copy.isEmpty()) out.add(copy);
    }
    return out;
  }
}
