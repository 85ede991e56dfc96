package org.tunelab.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.pruner.HyperbandPruner;
import org.tunelab.pruner.PatientPruner;
import org.tunelab.pruner.PercentilePruner;
import org.tunelab.pruner.Pruner;
import org.tunelab.pruner.SuccessiveHalvingPruner;
import org.tunelab.pruner.ThresholdPruner;
import org.tunelab.pruner.WilcoxonPruner;

/**
 * The {@code pruner:} entry of a spec: a type and its settings under Optuna's names, with Optuna's
 * defaults for the settings not given ({@code pruner: {type: median, n_warmup_steps: 5}}).
 *
 * @param type one of {@link #AVAILABLE}
 * @param settings the settings as written (numbers as Long or Double, {@code "auto"}, and for
 *     {@code patient} the wrapped pruner as a mapping under {@code wrapped})
 */
public record PrunerSpec(String type, Map<String, Object> settings) {
  /** Pruners this version can run; {@code successive_halving} is another name for {@code asha}. */
  public static final List<String> AVAILABLE = List.of("none", "median", "percentile", "asha", "successive_halving",
      "hyperband", "threshold", "patient", "wilcoxon");
  /** The settings each type reads. */
  static final Map<String, List<String>> KEYS = Map.of(
      "none", List.of(),
      "median", List.of("n_startup_trials", "n_warmup_steps", "interval_steps", "n_min_trials"),
      "percentile", List.of("percentile", "n_startup_trials", "n_warmup_steps", "interval_steps", "n_min_trials"),
      "asha", List.of("min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"),
      "successive_halving", List.of("min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"),
      "hyperband", List.of("min_resource", "max_resource", "reduction_factor", "bootstrap_count"),
      "threshold", List.of("lower", "upper", "n_warmup_steps", "interval_steps"),
      "patient", List.of("patience", "min_delta", "wrapped"),
      "wilcoxon", List.of("p_threshold", "n_startup_steps"));

  public PrunerSpec {
    Objects.requireNonNull(type, "type");
    if (!AVAILABLE.contains(type)) throw new IllegalArgumentException(unavailable(type));
    settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public PrunerSpec(String type) {
    this(type, Map.of());
  }

  public static PrunerSpec none() {
    return new PrunerSpec("none");
  }

  /** Whether the pruner judges a multi-objective study (only none and threshold do). */
  public boolean supportsMultiObjective() {
    return type.equals("none") || type.equals("threshold");
  }

  /**
   * The pruner.
   *
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public Pruner toPruner() {
    switch (type) {
      case "none":
        return Pruner.none();
      case "median":
        return PercentilePruner.median(integer("n_startup_trials", 5), integer("n_warmup_steps", 0),
            integer("interval_steps", 1), integer("n_min_trials", 1));
      case "percentile":
        if (!settings.containsKey("percentile")) throw new IllegalArgumentException("percentile: is required");
        return new PercentilePruner(number("percentile", 50), integer("n_startup_trials", 5),
            integer("n_warmup_steps", 0), integer("interval_steps", 1), integer("n_min_trials", 1));
      case "asha":
      case "successive_halving":
        return new SuccessiveHalvingPruner(auto("min_resource", null), integer("reduction_factor", 4),
            integer("min_early_stopping_rate", 0), integer("bootstrap_count", 0));
      case "hyperband":
        // auto() returns null for "auto", which the first bracket's budget cannot be (Optuna: an int)
        if ("auto".equals(settings.get("min_resource"))) {
          throw new IllegalArgumentException("min_resource: must be an integer for hyperband (auto is only for max_resource)");
        }
        return new HyperbandPruner(auto("min_resource", 1L), auto("max_resource", null), integer("reduction_factor", 3),
            integer("bootstrap_count", 0));
      case "threshold":
        return new ThresholdPruner(optionalNumber("lower"), optionalNumber("upper"), integer("n_warmup_steps", 0),
            integer("interval_steps", 1));
      case "patient":
        if (!settings.containsKey("patience")) throw new IllegalArgumentException("patience: is required");
        return new PatientPruner(wrapped(), integer("patience", 0), number("min_delta", 0));
      default:
        return new WilcoxonPruner(number("p_threshold", 0.1), integer("n_startup_steps", 2));
    }
  }

  private Pruner wrapped() {
    if (!(settings.get("wrapped") instanceof Map<?, ?> m)) return null;
    Map<String, Object> inner = new LinkedHashMap<>();
    m.forEach((k, v) -> inner.put(String.valueOf(k), v));
    Object innerType = inner.remove("type");
    return new PrunerSpec(String.valueOf(innerType), inner).toPruner();
  }

  private int integer(String key, int fallback) {
    Object v = settings.get(key);
    if (v == null) return fallback;
    if (!(v instanceof Long l) || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(key + ": must be an integer, got " + SpecNodes.show(v));
    }
    return l.intValue();
  }

  private double number(String key, double fallback) {
    Object v = settings.get(key);
    if (v == null) return fallback;
    if (!(v instanceof Number n)) throw new IllegalArgumentException(key + ": must be a number, got " + SpecNodes.show(v));
    return n.doubleValue();
  }

  private Double optionalNumber(String key) {
    return settings.containsKey(key) ? number(key, 0) : null;
  }

  private Long auto(String key, Long fallback) {
    Object v = settings.get(key);
    if (v == null) return fallback;
    if ("auto".equals(v)) return null;
    if (!(v instanceof Long l)) throw new IllegalArgumentException(key + ": must be an integer or auto, got " + SpecNodes.show(v));
    return l;
  }

  static String unavailable(String type) {
    return "unknown pruner '" + type + "'" + Suggestions.didYouMean(type, AVAILABLE) + "; available: "
        + String.join(", ", AVAILABLE);
  }
}
