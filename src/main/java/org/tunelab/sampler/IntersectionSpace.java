package org.tunelab.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;

/**
 * The parameters every given trial has, with one and the same distribution, by name; parameters
 * with a single possible value are left out (there is nothing to choose). Joint samplers (GP,
 * CMA-ES) model this space and leave the rest to their independent sampler, as Optuna's
 * {@code IntersectionSearchSpace} does. The result does not depend on the order of the trials.
 */
public final class IntersectionSpace {
  private IntersectionSpace() {}

  /**
   * {@link #of} remembered between calls: when the trials of a call begin with the very trials
   * (the same snapshot objects, which a study's history hands out again for finished trials) of
   * the previous call, only the new ones are folded in. The result is always the one {@link #of}
   * gives; the memory only saves work. One per sampler; thread-safe.
   */
  public static final class Incremental {
    private List<FrozenTrial> seen = List.of();
    private Map<String, Distribution> inter;

    public synchronized Map<String, Distribution> of(List<FrozenTrial> trials) {
      int from = 0;
      if (trials.size() >= seen.size()) {
        while (from < seen.size() && seen.get(from) == trials.get(from)) from++;
      }
      if (from < seen.size()) {
        from = 0;
        inter = null;
      }
      for (int i = from; i < trials.size() && (inter == null || !inter.isEmpty()); i++) {
        inter = fold(inter, trials.get(i).distributions());
      }
      seen = new java.util.ArrayList<>(trials);
      return withoutSingles(inter);
    }
  }

  private static Map<String, Distribution> fold(Map<String, Distribution> inter, Map<String, Distribution> d) {
    if (inter == null) return new TreeMap<>(d);
    inter.entrySet().removeIf(e -> !e.getValue().equals(d.get(e.getKey())));
    return inter;
  }

  private static Map<String, Distribution> withoutSingles(Map<String, Distribution> inter) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    if (inter != null) inter.forEach((n, d) -> { if (!d.isSingle()) out.put(n, d); });
    return out;
  }

  /** The intersection over {@code trials}; empty when there are none. */
  public static Map<String, Distribution> of(List<FrozenTrial> trials) {
    Map<String, Distribution> inter = null;
    for (FrozenTrial t : trials) {
      if (inter == null) {
        inter = new TreeMap<>(t.distributions());
      } else {
        Map<String, Distribution> d = t.distributions();
        inter.entrySet().removeIf(e -> !e.getValue().equals(d.get(e.getKey())));
      }
      if (inter.isEmpty()) break;
    }
    Map<String, Distribution> out = new LinkedHashMap<>();
    if (inter != null) inter.forEach((n, d) -> { if (!d.isSingle()) out.put(n, d); });
    return out;
  }
}
