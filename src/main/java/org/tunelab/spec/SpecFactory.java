package org.tunelab.spec;

import java.nio.file.Path;
import org.tunelab.functions.BuiltinFunction;
import org.tunelab.functions.BuiltinFunctions;
import org.tunelab.pruner.Pruner;
import org.tunelab.run.CommandObjective;
import org.tunelab.run.CommandTemplate;
import org.tunelab.sampler.GridSampler;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.auto.AutoSampler;
import org.tunelab.sampler.cmaes.CmaEsSampler;
import org.tunelab.sampler.gp.GpSampler;
import org.tunelab.sampler.nsga2.Nsga2Sampler;
import org.tunelab.sampler.qmc.QmcSampler;
import org.tunelab.sampler.tpe.TpeSampler;
import org.tunelab.study.MultiObjective;
import org.tunelab.study.OptimizeOptions;

/**
 * Turns a {@link StudySpec} into the engine's objects. A spec that {@link SpecReader} accepted always
 * builds; the factory adds no rules of its own.
 *
 * <pre>{@code
 * Sampler sampler = SpecFactory.sampler(spec);
 * study.optimizeMulti(SpecFactory.objective(spec), SpecFactory.options(spec));
 * }</pre>
 */
public final class SpecFactory {
  private SpecFactory() {}

  /** The sampler; TuneLab's TPE when the spec names none. Unseeded samplers draw a seed. */
  public static Sampler sampler(StudySpec spec) {
    SamplerSpec s = spec.samplerOrDefault();
    long seed = s.seed() != null ? s.seed() : TrialSeeds.randomSeed();
    switch (s.type()) {
      case "grid":
        return GridSampler.over(spec.space(), s.points() != null ? s.points() : SamplerSpec.DEFAULT_GRID_POINTS, seed);
      case "tpe": {
        // multivariate: false asks for Optuna's default (univariate) TPE; otherwise TuneLab's TPE.
        if (Boolean.FALSE.equals(s.multivariate())) return TpeSampler.builder().seed(seed).build();
        return TpeSampler.builder().seed(seed).tuneLabDefaults().build();
      }
      case "qmc":
        return QmcSampler.builder().seed(seed)
            .type("halton".equals(s.sequence()) ? QmcSampler.Type.HALTON : QmcSampler.Type.SOBOL).build();
      case "gp": {
        GpSampler.Builder b = GpSampler.builder().seed(seed);
        if (s.acquisition() != null) b.acquisition(s.acquisition());
        return b.build();
      }
      case "cmaes": {
        CmaEsSampler.Builder b = CmaEsSampler.builder().seed(seed).restarts("ipop".equals(s.restart()))
            .separable(Boolean.TRUE.equals(s.separable()));
        if (s.popsize() != null) b.popsize(s.popsize());
        return b.build();
      }
      case "nsga2": {
        Nsga2Sampler.Builder b = Nsga2Sampler.builder().seed(seed);
        if (s.crossover() != null) b.crossover(s.crossover());
        if (s.popsize() != null) b.population(s.popsize());
        return b.build();
      }
      case "auto":
        return AutoSampler.withSeed(seed);
      default:
        return new RandomSampler(seed);
    }
  }

  public static Pruner pruner(StudySpec spec) {
    // Only "none" exists yet; SpecReader refuses the others with a clear message.
    return Pruner.none();
  }

  /**
   * Budget, timeout and workers of one run, over the spec's fixed space. A failing trial is recorded
   * and the run goes on, as a long headless run should: one crash of the program is not the end.
   */
  public static OptimizeOptions options(StudySpec spec) {
    return new OptimizeOptions(spec.trials(), spec.timeout(), spec.workers(), spec.space(), true);
  }

  /** The objective: a built-in evaluated from the trial's parameters, or a program run per trial. */
  public static MultiObjective objective(StudySpec spec) {
    if (spec.objective() instanceof ObjectiveSpec.Builtin b) {
      BuiltinFunction f = BuiltinFunctions.get(b.name());
      return trial -> new double[] {f.evaluate(trial.params())};
    }
    ObjectiveSpec.Command c = (ObjectiveSpec.Command) spec.objective();
    CommandTemplate template = CommandTemplate.parse(c.command(), spec.space().names());
    return new CommandObjective(template, workdir(spec, c), c.timeout());
  }

  /** The command's working directory: relative to the spec file's directory. */
  public static Path workdir(StudySpec spec, ObjectiveSpec.Command c) {
    return spec.baseDir().resolve(c.workdir()).normalize();
  }

  /** The storage URL to open, with {@code storage_schema} applied as the store's {@code ?schema=} option. */
  public static String storageUrl(StudySpec spec) {
    String url = spec.storageOrDefault();
    if (spec.storageSchema() == null || url.contains("?")) return url;
    return url + "?schema=" + spec.storageSchema();
  }
}
