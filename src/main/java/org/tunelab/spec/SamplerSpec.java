package org.tunelab.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code sampler:} entry of a spec: which algorithm and its settings.
 *
 * @param type one of {@link #AVAILABLE}
 * @param seed the random seed, or {@code null} to draw one (the drawn seed is recorded in the study)
 * @param points for {@code grid}: values per continuous range, or {@code null} for the default
 * @param multivariate for {@code tpe}: {@code false} for Optuna's default univariate TPE; {@code true}
 *     or {@code null} for TuneLab's TPE (joint, with group decomposition for conditional spaces,
 *     neighbour-gap bandwidths and rank-weighted good trials)
 * @param sequence for {@code qmc}: {@code sobol} or {@code halton}, or {@code null} for Sobol
 * @param acquisition for {@code gp}: one of {@link #ACQUISITIONS}, or {@code null} for {@code log-ei}
 * @param restart for {@code cmaes}: {@code ipop} or {@code none} (the default)
 * @param separable for {@code cmaes}: sep-CMA-ES (diagonal covariance), or {@code null} for full
 * @param popsize for {@code cmaes}: the first run's population, or {@code null} for {@code 4 + 3 ln d};
 *     for {@code nsga2} and {@code nsga3}: the population, or {@code null} for 50
 * @param crossover for {@code nsga2} and {@code nsga3}: one of {@link #CROSSOVERS}, or {@code null} for {@code uniform}
 * @param dividingParameter for {@code nsga3}: divisions of each axis for the Das-Dennis reference
 *     points, or {@code null} for 3
 * @param multiObjective for {@code gp} with several objectives: one of {@link #MULTI_OBJECTIVES}, or
 *     {@code null} for {@code ehvi} (exact log expected hypervolume improvement, one GP per
 *     objective; Optuna estimates it with 128 quasi-Monte-Carlo samples); {@code parego} for
 *     random Chebyshev scalarisations modelled by one GP
 * @param trustRegion for {@code gp} with one objective: search for the next point inside TuRBO's
 *     trust region around the best trial ({@code true} or {@code null}), or the whole space
 *     ({@code false}, as Optuna's GPSampler)
 */
public record SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence,
    String acquisition, String restart, Boolean separable, Integer popsize, String crossover, Integer dividingParameter,
    String multiObjective, Boolean trustRegion) {
  /** Samplers this version can run. */
  public static final List<String> AVAILABLE = List.of("tpe", "random", "grid", "qmc", "gp", "cmaes", "nsga2", "nsga3", "auto");
  /** Samplers the format names that later versions bring. */
  public static final List<String> PLANNED = List.of();
  /** The acquisition functions of {@code gp}. */
  public static final List<String> ACQUISITIONS = List.of("log-ei", "ei", "pi", "ucb");
  /** How {@code gp} handles several objectives. */
  public static final List<String> MULTI_OBJECTIVES = List.of("ehvi", "parego");
  /** The restart strategies of {@code cmaes}. */
  public static final List<String> RESTARTS = List.of("none", "ipop");
  /** The crossovers of {@code nsga2} and {@code nsga3}. */
  public static final List<String> CROSSOVERS = List.of("uniform", "sbx", "blx-alpha");

  /** The settings of the first TuneLab versions, without those of gp, cmaes and nsga2. */
  public SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence) {
    this(type, seed, points, multivariate, sequence, null, null, null, null, null, null, null, null);
  }

  /** The settings before nsga3's {@code dividing_parameter}. */
  public SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence,
      String acquisition, String restart, Boolean separable, Integer popsize, String crossover) {
    this(type, seed, points, multivariate, sequence, acquisition, restart, separable, popsize, crossover, null, null, null);
  }

  /** The settings before gp's {@code multi_objective}. */
  public SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence,
      String acquisition, String restart, Boolean separable, Integer popsize, String crossover, Integer dividingParameter) {
    this(type, seed, points, multivariate, sequence, acquisition, restart, separable, popsize, crossover,
        dividingParameter, null, null);
  }

  /** The settings before gp's {@code trust_region}. */
  public SamplerSpec(String type, Long seed, Integer points, Boolean multivariate, String sequence,
      String acquisition, String restart, Boolean separable, Integer popsize, String crossover, Integer dividingParameter,
      String multiObjective) {
    this(type, seed, points, multivariate, sequence, acquisition, restart, separable, popsize, crossover,
        dividingParameter, multiObjective, null);
  }
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
    oneOf("acquisition", acquisition, ACQUISITIONS);
    oneOf("multi_objective", multiObjective, MULTI_OBJECTIVES);
    oneOf("restart", restart, RESTARTS);
    oneOf("crossover", crossover, CROSSOVERS);
    if (popsize != null && popsize < 2) throw new IllegalArgumentException("popsize must be >= 2, got " + popsize);
    if (dividingParameter != null && dividingParameter < 1) {
      throw new IllegalArgumentException("dividing_parameter must be >= 1, got " + dividingParameter);
    }
  }

  private static void oneOf(String key, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", got " + value);
    }
  }

  /** Just a type and a seed. */
  public static SamplerSpec of(String type, Long seed) {
    return new SamplerSpec(type, seed, null, null, null);
  }

  /** The sampler used when a spec names none: TPE, as in Optuna (TuneLab's TPE). */
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
