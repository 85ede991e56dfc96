package org.tunelab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.StudyDirection;

/**
 * Sampler overhead as ../shared/bench/optuna-3.1-speed.md measures it: in-memory storage, a trivial
 * objective, {@code dims} floats (even indices linear in [-5, 5], odd ones log in [1e-3, 1e2]); the
 * mean wall time of one {@code ask(space)} + {@code tell} once {@code n} trials are complete. The
 * first {@code n} trials are filled in by random sampling (cheap, and TPE's cost depends on how many
 * trials there are, not on who proposed them); the sampler's caches are warmed on a few trials that
 * are not timed. With {@code objectives} &gt; 1 the study minimises that many objectives, the
 * squared distances of the (log-scaled) point to {@code (k, k, ...)} for {@code k = 0, 1, ...}, so
 * that they conflict and the Pareto front grows as it would in a real study.
 */
public final class OverheadBenchmark {
  private final BiFunction<String, Long, Sampler> samplers;
  private final int measured;
  private final int warmup;

  /**
   * One measurement: mean wall time and mean CPU time of the measuring thread per ask+tell. On a
   * shared machine the CPU time is the steadier figure; on an idle one they agree.
   */
  public record Result(String sampler, int dims, int completed, double meanMillis, double meanCpuMillis) {}

  public OverheadBenchmark(BiFunction<String, Long, Sampler> samplers, int measured, int warmup) {
    if (measured < 1 || warmup < 0) throw new IllegalArgumentException("measured >= 1 and warmup >= 0 needed");
    this.samplers = samplers;
    this.measured = measured;
    this.warmup = warmup;
  }

  /** 100 timed trials after 5 warm-up trials, samplers from {@link SamplerFactory}. */
  public OverheadBenchmark() {
    this(SamplerFactory::create, 100, 5);
  }

  /** The benchmark's search space of {@code dims} parameters {@code x0, x1, ...}. */
  public static SearchSpace space(int dims) {
    List<Param> params = new ArrayList<>();
    for (int i = 0; i < dims; i++) {
      params.add(Param.of("x" + i, i % 2 == 0 ? FloatDistribution.of(-5, 5) : FloatDistribution.log(1e-3, 1e2)));
    }
    return SearchSpace.of(params);
  }

  /** One objective. */
  public Result measure(String sampler, int dims, int completed) {
    return measure(sampler, dims, completed, 1);
  }

  /** With {@code objectives} objectives (1 or more). */
  public Result measure(String sampler, int dims, int completed, int objectives) {
    if (objectives < 1) throw new IllegalArgumentException("objectives must be >= 1, got " + objectives);
    SearchSpace space = space(dims);
    InMemoryStorage storage = new InMemoryStorage();
    String name = "overhead-" + sampler + "-" + dims + "-" + completed + "-" + objectives;
    StudyDirection[] directions = new StudyDirection[objectives];
    java.util.Arrays.fill(directions, StudyDirection.MINIMIZE);
    Study filler = Study.builder(storage).name(name).directions(directions).sampler(new RandomSampler(1)).build();
    for (int i = 0; i < completed; i++) askAndTell(filler, space);
    Study study = Study.builder(storage).name(name).directions(directions).sampler(samplers.apply(sampler, 0L))
        .loadIfExists().build();
    for (int i = 0; i < warmup; i++) askAndTell(study, space);
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < measured; i++) askAndTell(study, space);
    double mean = (System.nanoTime() - start) / 1e6 / measured;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / measured;
    return new Result(sampler, dims, completed, mean, cpu);
  }

  private static void askAndTell(Study study, SearchSpace space) {
    Trial t = study.ask(space);
    int m = study.directions().size();
    if (m == 1) {
      study.tell(t, objective(t.params(), 0));
      return;
    }
    List<Double> values = new ArrayList<>();
    for (int k = 0; k < m; k++) values.add(objective(t.params(), k));
    study.tell(t, values);
  }

  private static double objective(Map<String, Object> params, double shift) {
    double sum = 0;
    int i = 0;
    for (Object v : params.values()) {
      double x = (Double) v;
      double y = (i++ % 2 == 0 ? x : Math.log10(x)) - shift;
      sum += y * y;
    }
    return sum;
  }
}
