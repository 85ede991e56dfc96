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
