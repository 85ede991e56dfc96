package org.tunelab.app.design;

import static org.tunelab.app.design.AlgorithmSetting.bool;
import static org.tunelab.app.design.AlgorithmSetting.choice;
import static org.tunelab.app.design.AlgorithmSetting.integer;
import static org.tunelab.app.design.AlgorithmSetting.integerOrAuto;
import static org.tunelab.app.design.AlgorithmSetting.number;

import java.util.List;
import java.util.Map;
import org.tunelab.spec.PrunerSpec;
import org.tunelab.spec.SamplerSpec;

/**
 * The samplers and pruners the designer offers, with a one-line explanation each and their settings
 * under the spec's names, defaults as {@link SamplerSpec} and {@link PrunerSpec} apply them.
 */
public final class AlgorithmCatalog {
  private static final AlgorithmSetting SEED = integer("seed", "drawn, recorded in the study",
      "random seed; the same seed repeats the same suggestions");

  private static final Map<String, String> SAMPLER_EXPLANATIONS = Map.of(
      "tpe", "Tree-structured Parzen estimator: models good and bad trials, a strong default for most spaces.",
      "random", "Independent uniform draws: the baseline, and the best first look at a new space.",
      "grid", "Every combination of the values; continuous ranges are cut into evenly spaced points.",
      "qmc", "Quasi-random low-discrepancy points (Sobol or Halton): even coverage without a model.",
      "gp", "Gaussian-process Bayesian optimization: few, expensive trials over numeric parameters.",
      "cmaes", "CMA-ES evolution strategy: continuous spaces with correlated parameters, many trials.",
      "nsga2", "NSGA-II genetic algorithm: several objectives at once, finds the Pareto front.",
      "nsga3", "NSGA-III genetic algorithm: NSGA-II kept spread over reference directions, for three or more objectives.",
      "auto", "Picks a sampler from the space and the number of objectives, as Optuna's AutoSampler.");

  private static final Map<String, List<AlgorithmSetting>> SAMPLER_SETTINGS = Map.of(
      "tpe", List.of(SEED, bool("multivariate", "true (TuneLab's joint TPE)",
          "false for Optuna's default univariate TPE")),
      "random", List.of(SEED),
      "grid", List.of(SEED, integer("points", String.valueOf(SamplerSpec.DEFAULT_GRID_POINTS),
          "values per continuous range")),
      "qmc", List.of(SEED, choice("sequence", "sobol", "the low-discrepancy sequence", SamplerSpec.SEQUENCES)),
      "gp", List.of(SEED, choice("acquisition", "log-ei", "how the next point is chosen", SamplerSpec.ACQUISITIONS),
          choice("multi_objective", "ehvi", "several objectives: exact expected hypervolume improvement, or ParEGO "
              + "scalarisations", SamplerSpec.MULTI_OBJECTIVES),
          bool("trust_region", "true", "one objective: search near the best trial, growing and shrinking with success "
              + "(TuRBO); false searches the whole space")),
      "cmaes", List.of(SEED, choice("restart", "none", "ipop restarts with a doubled population when stuck",
          SamplerSpec.RESTARTS), bool("separable", "false", "sep-CMA-ES: a diagonal covariance, for many parameters"),
          integer("popsize", "4 + 3 ln d", "the first run's population")),
      "nsga2", List.of(SEED, integer("popsize", "50", "individuals per generation"),
          choice("crossover", "uniform", "how two parents make a child", SamplerSpec.CROSSOVERS)),
      "nsga3", List.of(SEED, integer("popsize", "50", "individuals per generation"),
          choice("crossover", "uniform", "how two parents make a child", SamplerSpec.CROSSOVERS),
          integer("dividing_parameter", "3", "divisions per objective of the reference points (10 for 3 objectives)")),
      "auto", List.of(SEED));

  private static final Map<String, String> PRUNER_EXPLANATIONS = Map.ofEntries(
      Map.entry("none", "Never stops a trial early."),
      Map.entry("median", "Stops a trial whose value is worse than the median of earlier trials at the same step."),
      Map.entry("percentile", "Stops a trial worse than the given percentile of earlier trials at the same step."),
      Map.entry("asha", "Asynchronous successive halving: keeps the best 1/reduction_factor at each rung."),
      Map.entry("successive_halving", "Another name for asha."),
      Map.entry("hyperband", "Several successive-halving brackets with different budgets, to hedge the min resource."),
      Map.entry("threshold", "Stops a trial whose value leaves the [lower, upper] range."),
      Map.entry("patient", "Waits until the value has not improved for patience steps before asking another pruner."),
      Map.entry("wilcoxon", "A signed-rank test against the best trial, for values reported per instance."));

  private static final List<AlgorithmSetting> PERCENTILE_COMMON = List.of(
      integer("n_startup_trials", "5", "trials finished before any pruning"),
      integer("n_warmup_steps", "0", "steps of a trial before it can be pruned"),
      integer("interval_steps", "1", "steps between pruning checks"),
      integer("n_min_trials", "1", "trials reporting at a step before it is judged"));

  private static final Map<String, List<AlgorithmSetting>> PRUNER_SETTINGS = Map.of(
      "none", List.of(),
      "median", PERCENTILE_COMMON,
      "percentile", concat(number("percentile", "required", "0-100; 25 keeps the best quarter"), PERCENTILE_COMMON),
      "asha", halving(),
      "successive_halving", halving(),
      "hyperband", List.of(integer("min_resource", "1", "steps of the smallest budget"),
          integerOrAuto("max_resource", "auto (the longest trial)", "steps of a full trial"),
          integer("reduction_factor", "3", "how many trials share one promotion"),
          integer("bootstrap_count", "0", "trials a rung needs before it promotes")),
      "threshold", List.of(number("lower", "none", "prune below this value"),
          number("upper", "none", "prune above this value"),
          integer("n_warmup_steps", "0", "steps of a trial before it can be pruned"),
          integer("interval_steps", "1", "steps between pruning checks")),
      "patient", List.of(integer("patience", "required", "steps without improvement that are tolerated"),
          number("min_delta", "0", "the improvement that counts"),
          new AlgorithmSetting("wrapped", AlgorithmSetting.Kind.PRUNER, "none",
              "the pruner asked once patience runs out, e.g. {type: median}", List.of())),
      "wilcoxon", List.of(number("p_threshold", "0.1", "the test's significance level"),
          integer("n_startup_steps", "2", "steps before the first test")));

  private AlgorithmCatalog() {}

  private static List<AlgorithmSetting> halving() {
    return List.of(integerOrAuto("min_resource", "auto (from the first trial)", "steps of the first rung"),
        integer("reduction_factor", "4", "how many trials share one promotion"),
        integer("min_early_stopping_rate", "0", "rungs skipped at the start"),
        integer("bootstrap_count", "0", "trials a rung needs before it promotes"));
  }

  private static List<AlgorithmSetting> concat(AlgorithmSetting first, List<AlgorithmSetting> rest) {
    List<AlgorithmSetting> out = new java.util.ArrayList<>(List.of(first));
    out.addAll(rest);
    return List.copyOf(out);
  }

  public static List<String> samplers() {
    return SamplerSpec.AVAILABLE;
  }

  public static List<String> pruners() {
    return PrunerSpec.AVAILABLE;
  }

  public static String samplerExplanation(String type) {
    return SAMPLER_EXPLANATIONS.getOrDefault(type, "");
  }

  public static List<AlgorithmSetting> samplerSettings(String type) {
    return SAMPLER_SETTINGS.getOrDefault(type, List.of());
  }

  public static String prunerExplanation(String type) {
    return PRUNER_EXPLANATIONS.getOrDefault(type, "");
  }

  public static List<AlgorithmSetting> prunerSettings(String type) {
    return PRUNER_SETTINGS.getOrDefault(type, List.of());
  }
}
