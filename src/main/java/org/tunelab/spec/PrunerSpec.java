package org.tunelab.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code pruner:} entry of a spec.
 *
 * @param type one of {@link #AVAILABLE}
 */
public record PrunerSpec(String type) {
  /** Pruners this version can run. */
  public static final List<String> AVAILABLE = List.of("none");
  /** Pruners the format names that later versions bring. */
  public static final List<String> PLANNED = List.of("median", "percentile", "asha", "successive_halving",
      "hyperband", "threshold", "patient", "wilcoxon");

  public PrunerSpec {
    Objects.requireNonNull(type, "type");
    if (!AVAILABLE.contains(type)) throw new IllegalArgumentException(unavailable(type));
  }

  public static PrunerSpec none() {
    return new PrunerSpec("none");
  }

  static String unavailable(String type) {
    String available = String.join(", ", AVAILABLE);
    if (PLANNED.contains(type)) {
      return "pruner '" + type + "' is not available in this version; available: " + available;
    }
    List<String> all = java.util.stream.Stream.concat(AVAILABLE.stream(), PLANNED.stream()).toList();
    return "unknown pruner '" + type + "'" + Suggestions.didYouMean(type, all) + "; available: " + available;
  }
}
