package org.tunelab.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code sampler:} entry of a spec: which algorithm and its settings.
 *
 * @param type one of {@link #AVAILABLE}
 * @param seed the random seed, or {@code null} to draw one (the drawn seed is recorded in the study)
 * @param points for {@code grid}: values per continuous range, or {@code null} for the default
 * @param multivariate for {@code tpe}: model the parameters jointly (with group decomposition for
 *     conditional spaces), or {@code null} for univariate TPE as Optuna's default
 * @param sequence for {@code qmc}: {@code sobol} or {@code halton}, or {@code null} for Sobol
 */
public record SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence) {
  /** Samplers this version can run. */
  public static final List<String> AVAILABLE = List.of("tpe", "random", "grid", "qmc");
  /** Samplers the format names that later versions bring. */
  public static final List<String> PLANNED = List.of("gp", "cmaes", "nsga2", "auto");
  /** The sequences {@code qmc} can draw. */
  public static final List<String> SEQUENCES = List.of("sobol", "halton");
  /** Values per continuous range of a grid when {@code points} is not given. */
  public static final int DEFAULT_GRID_POINTS = 5;

  public SamplerSpec {
    Objects.requireNonNull(type, "type");
    if (!AVAILABLE.contains(type)) {
      throw new IllegalArgumentException(unavailable(type));
    }
    if (points != null && points < 2) throw new IllegalArgumentException("points must be >= 2, got " + points);
    if (sequence != null && !SEQUENCES.contains(sequence)) {
      throw new IllegalArgumentException("sequence must be one of " + String.join(", ", SEQUENCES) + ", got " + sequence);
    }
  }

  /** Just a type and a seed. */
  public static SamplerSpec of(String type, Long seed) {
    return new SamplerSpec(type, seed, null, null, null);
  }

  /** The sampler used when a spec names none: TPE, as in Optuna. */
  public static SamplerSpec defaultSampler() {
    return of("tpe", null);
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
