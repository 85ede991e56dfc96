package org.tunelab.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code sampler:} entry of a spec: which algorithm and its settings.
 *
 * @param type one of {@link #AVAILABLE}
 * @param seed the random seed, or {@code null} to draw one (the drawn seed is recorded in the study)
 * @param points for {@code grid}: values per continuous range, or {@code null} for the default
 */
public record SamplerSpec(String type, Long seed, Integer points) {
  /** Samplers this version can run. */
  public static final List<String> AVAILABLE = List.of("random", "grid");
  /** Samplers the format names that later versions bring. */
  public static final List<String> PLANNED = List.of("tpe", "gp", "cmaes", "nsga2", "qmc", "auto");
  /** Values per continuous range of a grid when {@code points} is not given. */
  public static final int DEFAULT_GRID_POINTS = 5;

  public SamplerSpec {
    Objects.requireNonNull(type, "type");
    if (!AVAILABLE.contains(type)) {
      throw new IllegalArgumentException(unavailable(type));
    }
    if (points != null && points < 2) throw new IllegalArgumentException("points must be >= 2, got " + points);
  }

  /** The sampler used when a spec names none: random for now; TPE once it lands. */
  public static SamplerSpec defaultSampler() {
    return new SamplerSpec("random", null, null);
  }

  /** Why {@code type} cannot be used, naming the samplers that can. */
  static String unavailable(String type) {
    String available = String.join(", ", AVAILABLE);
    if (PLANNED.contains(type)) {
      return "sampler '" + type + "' is not available in this version; available: " + available;
    }
    return "unknown sampler '" + type + "'" + Suggestions.didYouMean(type, allNames()) + "; available: " + available;
  }

  static List<String> allNames() {
    return java.util.stream.Stream.concat(AVAILABLE.stream(), PLANNED.stream()).toList();
  }
}
