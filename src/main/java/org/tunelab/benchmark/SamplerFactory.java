package org.tunelab.benchmark;

import java.util.List;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.qmc.QmcSampler;
import org.tunelab.sampler.tpe.TpeSampler;

/**
 * Samplers by the names the benchmark and the study spec use. Every name gives a sampler seeded
 * with the given seed, so one name and seed always mean the same run. {@code tpe} is TuneLab's TPE
 * ({@link TpeSampler.Builder#tuneLabDefaults()}); {@code tpe-optuna} and {@code tpe-univariate} are
 * Optuna's default TPE, {@code tpe-multivariate} and {@code tpe-optuna-multivariate} Optuna's
 * multivariate TPE (with and without group decomposition). {@code gp} handles several objectives by
 * expected hypervolume improvement, {@code gp-parego} by ParEGO.
 */
public final class SamplerFactory {
  private SamplerFactory() {}

  /** The names {@link #create} knows, in the order help texts list them. */
  public static List<String> names() {
    return List.of("random", "tpe", "tpe-univariate", "tpe-multivariate", "tpe-optuna", "tpe-density", "tpe-optuna-multivariate", "qmc", "qmc-halton", "gp", "gp-global", "gp-parego", "cmaes", "cmaes-ipop", "cmaes-sep", "nsga2", "nsga2-sbx", "nsga2-blx", "nsga3", "auto");
  }

  /** A new sampler; throws {@link IllegalArgumentException} listing the known names otherwise. */
  public static Sampler create(String name, long seed) {
    switch (name) {
      case "random":
        return new RandomSampler(seed);
      case "tpe":
        return TpeSampler.builder().seed(seed).tuneLabDefaults().build();
      case "tpe-multivariate":
        return TpeSampler.builder().seed(seed).multivariate(true).group(true).build();
      case "tpe-univariate":
        return TpeSampler.builder().seed(seed).build();
      case "tpe-density":
        return TpeSampler.builder().seed(seed).optuna31Scoring(false).build();
      case "tpe-optuna":
        return TpeSampler.builder().seed(seed).build();
      case "tpe-optuna-multivariate":
        return TpeSampler.builder().seed(seed).multivariate(true).build();
      case "qmc":
        return QmcSampler.builder().seed(seed).build();
      case "qmc-halton":
        return QmcSampler.builder().seed(seed).type(QmcSampler.Type.HALTON).build();
      case "gp":
        return org.tunelab.sampler.gp.GpSampler.builder().seed(seed).build();
      case "gp-global":
        return org.tunelab.sampler.gp.GpSampler.builder().seed(seed).trustRegion(false).build();
      case "gp-parego":
        return org.tunelab.sampler.gp.GpSampler.builder().seed(seed).multiObjective("parego").build();
      case "cmaes":
        return org.tunelab.sampler.cmaes.CmaEsSampler.builder().seed(seed).build();
      case "cmaes-ipop":
        return org.tunelab.sampler.cmaes.CmaEsSampler.builder().seed(seed).restarts(true).build();
      case "cmaes-sep":
        return org.tunelab.sampler.cmaes.CmaEsSampler.builder().seed(seed).separable(true).build();
      case "nsga2":
        return org.tunelab.sampler.nsga2.Nsga2Sampler.builder().seed(seed).build();
      case "nsga2-sbx":
        return org.tunelab.sampler.nsga2.Nsga2Sampler.builder().seed(seed).crossover("sbx").build();
      case "nsga2-blx":
        return org.tunelab.sampler.nsga2.Nsga2Sampler.builder().seed(seed).crossover("blx-alpha").build();
      case "nsga3":
        return org.tunelab.sampler.nsga3.Nsga3Sampler.builder().seed(seed).build();
      case "auto":
        return org.tunelab.sampler.auto.AutoSampler.withSeed(seed);
      default:
        throw new IllegalArgumentException("unknown sampler \"" + name + "\"; known: " + String.join(", ", names()));
    }
  }
}
