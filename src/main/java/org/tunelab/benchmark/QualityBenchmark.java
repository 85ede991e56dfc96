package org.tunelab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.tunelab.functions.BenchmarkFunction;
import org.tunelab.sampler.Sampler;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * The protocol of ../shared/bench/functions.md: one in-memory study per seed (sampler seed = seed,
 * seeds 0..K-1), {@code trials} trials on the function's search space, and the best value after each
 * budget; the sampler is never told the budget.
 *
 * <pre>{@code
 * List<BenchmarkRow> rows = QualityBenchmark.builder(BenchmarkFunctions.get("branin"), "tpe")
 *     .trials(200).seeds(20).build().run();
 * List<RegretSummary> table = RegretSummary.of(rows);
 * }</pre>
 */
public final class QualityBenchmark {
  private final BenchmarkFunction function;
  private final String samplerName;
  private final BiFunction<String, Long, Sampler> samplers;
  private final int trials;
  private final int seeds;
  private final long firstSeed;
  private final List<Integer> budgets;
  private final int threads;

  private QualityBenchmark(Builder b) {
    this.function = b.function;
    this.samplerName = b.sampler;
    this.samplers = b.samplers;
    this.trials = b.trials;
    this.seeds = b.seeds;
    this.firstSeed = b.firstSeed;
    this.budgets = b.budgets;
    this.threads = b.threads;
  }

  public static Builder builder(BenchmarkFunction function, String sampler) {
    return new Builder(function, sampler);
  }

  /** Runs every seed (on {@code threads} threads) and returns one row per seed and budget, by seed. */
  public List<BenchmarkRow> run() {
    List<BenchmarkRow> out = new ArrayList<>();
    if (threads == 1) {
      for (long seed = firstSeed; seed < firstSeed + seeds; seed++) out.addAll(runSeed(seed));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<BenchmarkRow>>> futures = new ArrayList<>();
      for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
        long s = seed;
        futures.add(pool.submit(() -> runSeed(s)));
      }
      for (Future<List<BenchmarkRow>> f : futures) out.addAll(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a benchmark run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One seeded run: rows for every budget up to the number of trials. */
  public List<BenchmarkRow> runSeed(long seed) {
    Sampler sampler = samplers.apply(samplerName, seed);
    Study study = Study.builder(new InMemoryStorage()).name(function.name() + "-" + samplerName + "-" + seed)
        .sampler(sampler).build();
    study.optimize(t -> function.evaluate(t.params()),
        OptimizeOptions.trials(trials).withSpace(function.searchSpace()));
    List<FrozenTrial> done = study.trials();
    List<BenchmarkRow> rows = new ArrayList<>();
    for (int budget : budgets) {
      if (budget > trials) continue;
      double best = Double.POSITIVE_INFINITY;
      for (FrozenTrial t : done.subList(0, Math.min(budget, done.size()))) {
        if (t.state() == TrialState.COMPLETE) best = Math.min(best, t.value());
      }
      rows.add(new BenchmarkRow(function.name(), samplerName, seed, budget, best, function.regret(best)));
    }
    return rows;
  }

  /** Options; defaults follow the baseline protocol: 200 trials, 20 seeds, budgets 50, 100, 200. */
  public static final class Builder {
    private final BenchmarkFunction function;
    private final String sampler;
    private BiFunction<String, Long, Sampler> samplers = SamplerFactory::create;
    private int trials = 200;
    private int seeds = 20;
    private long firstSeed;
    private List<Integer> budgets = List.of(50, 100, 200);
    private int threads = 1;

    private Builder(BenchmarkFunction function, String sampler) {
      this.function = java.util.Objects.requireNonNull(function);
      this.sampler = java.util.Objects.requireNonNull(sampler);
    }

    public Builder trials(int n) {
      if (n < 1) throw new IllegalArgumentException("trials must be >= 1, got " + n);
      this.trials = n;
      return this;
    }

    /** The first seed; runs use seeds first..first+K-1, so other seeds can check what was chosen on these. */
    public Builder firstSeed(long first) {
      if (first < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + first);
      this.firstSeed = first;
      return this;
    }

    public Builder seeds(int k) {
      if (k < 1) throw new IllegalArgumentException("seeds must be >= 1, got " + k);
      this.seeds = k;
      return this;
    }

    /** Budgets at which the best value is recorded; those above {@code trials} are skipped. */
    public Builder budgets(List<Integer> b) {
      this.budgets = List.copyOf(b);
      return this;
    }

    public Builder threads(int n) {
      if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
      this.threads = n;
      return this;
    }

    /** Where samplers come from, by name and seed; {@link SamplerFactory#create} by default. */
    public Builder samplers(BiFunction<String, Long, Sampler> factory) {
      this.samplers = java.util.Objects.requireNonNull(factory);
      return this;
    }

    public QualityBenchmark build() {
      return new QualityBenchmark(this);
    }
  }
}
