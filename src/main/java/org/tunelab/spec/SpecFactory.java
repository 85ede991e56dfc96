package org.tunelab.spec;

import java.nio.file.Path;
import org.tunelab.functions.BuiltinFunction;
import org.tunelab.functions.BuiltinFunctions;
import org.tunelab.pruner.Pruner;
import java.util.List;
import org.tunelab.run.CommandObjective;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.ssh.SshOptions;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.MetricPattern;
import org.tunelab.run.RecoveryPolicy;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialRunner;
import org.tunelab.sampler.GridSampler;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.auto.AutoSampler;
import org.tunelab.sampler.cmaes.CmaEsSampler;
import org.tunelab.sampler.gp.GpSampler;
import org.tunelab.sampler.nsga2.Nsga2Sampler;
import org.tunelab.sampler.nsga3.Nsga3Sampler;
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
        if (s.multiObjective() != null) b.multiObjective(s.multiObjective());
        if (s.trustRegion() != null) b.trustRegion(s.trustRegion());
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
      case "nsga3": {
        Nsga3Sampler.Builder b = Nsga3Sampler.builder().seed(seed);
        if (s.crossover() != null) b.crossover(s.crossover());
        if (s.popsize() != null) b.population(s.popsize());
        if (s.dividingParameter() != null) b.dividingParameter(s.dividingParameter());
        return b.build();
      }
      case "auto":
        return AutoSampler.withSeed(seed);
      default:
        return new RandomSampler(seed);
    }
  }

  /** The pruner with Optuna's defaults for settings not given; none when the spec names none. */
  public static Pruner pruner(StudySpec spec) {
    return spec.prunerOrDefault().toPruner();
  }

  /**
   * How one trial is evaluated: a built-in function in process, or the command on this machine
   * with its environment, timeout, metric patterns and grace period.
   */
  public static TrialRunner runner(StudySpec spec) {
    if (spec.objective() instanceof ObjectiveSpec.Builtin b) {
      BuiltinFunction f = BuiltinFunctions.get(b.name());
      return (trial, context) -> List.of(f.evaluate(trial.params()));
    }
    ObjectiveSpec.Command c = (ObjectiveSpec.Command) spec.objective();
    CommandTrialRunner local = new CommandTrialRunner(command(spec, c));
    if (SshExecutors.present(spec)) return SshExecutors.runner(spec, command(spec, c), local, SshOptions.defaults());
    return local;
  }

  /** The command a spec runs per trial. */
  public static TrialCommand command(StudySpec spec, ObjectiveSpec.Command c) {
    CommandTemplate template = CommandTemplate.parse(c.command(), spec.space().names());
    MetricPattern metric = c.metric() == null ? null : MetricPattern.of(c.metric().regex(), c.metric().step());
    return new TrialCommand(template, workdir(spec, c), c.env(), c.timeout(), metric, c.grace());
  }

  /**
   * Slots, GPUs, budget, heartbeat and retries of one run over the spec's fixed space.
   *
   * @param logDir where trial logs go, or {@code null}
   */
  public static ExecutorOptions executorOptions(StudySpec spec, Path logDir) {
    ExecutorSpec e = ExecutorSpec.of(spec);
    int retries = spec.objective() instanceof ObjectiveSpec.Command c ? c.retries() : 0;
    ExecutorOptions o = ExecutorOptions.slots(e.slots()).withGpus(e.gpus(), e.gpusPerTrial()).withTrials(spec.trials())
        .withTimeout(spec.timeout()).withSpace(spec.space()).withLogDir(logDir)
        .withRecovery(RecoveryPolicy.DEFAULT.withRetries(retries));
    if (SshExecutors.present(spec)) {
      // The SSH runner hands out slots and GPUs of the hosts and of this machine itself.
      o = o.withSlots(SshExecutors.totalSlots(spec)).withGpus(List.of(), 1);
    }
    if (e.heartbeat() != null) {
      // Stale after six missed heartbeats, as with the defaults (10 s, 60 s): one slow transaction is not death.
      o = o.withHeartbeat(e.heartbeat()).withRecovery(o.recovery().withGrace(e.heartbeat().multipliedBy(6)));
    }
    return o;
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
    return new CommandObjective(command(spec, c));
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
