package org.tunelab.storage.jdbc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudySummary;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Measures the SQLite store with the workload of {@code bench/optuna-3.1-speed.md}: each trial has
 * ten parameters (float linear/log/step, int linear/log/step, three categoricals, another float) and
 * twenty reported intermediate values. The methods are plain calls returning records, for the
 * {@code tunelab bench-storage} command and for tests; each call uses its own stores and closes them.
 * Not meant to run concurrently with itself on one file.
 *
 * <pre>{@code
 * StorageBenchmark.WriteResult r = StorageBenchmark.write(Path.of("bench.db"), 1000, WriteStyle.OPTUNA, 1);
 * }</pre>
 */
public final class StorageBenchmark {
  private StorageBenchmark() {}

  /** How a trial is written. */
  public enum WriteStyle {
    /** As Optuna does: create, then one commit per suggested parameter and per report, then the result (32 commits). */
    OPTUNA,
    /** Create, then parameters, reports and result in one update (2 commits). */
    BATCHED
  }

  /** A write run: {@code trials} trials in {@code millis} ms. */
  public record WriteResult(Path file, WriteStyle style, int trials, double millis) {
    public double millisPerTrial() {
      return millis / trials;
    }

    public double trialsPerSecond() {
      return trials * 1000.0 / millis;
    }
  }

  /**
   * A read run: opening the file, the first read of all trials, and the best of {@code repeats}
   * further reads (after warm-up).
   */
  public record ReadResult(Path file, String study, int trials, double openMillis, double firstReadMillis,
      double warmReadMillis, double summaryMillis) {}

  /** Several writers, each with its own connections as separate processes would have. */
  public record ConcurrentResult(Path file, int writers, int trialsPerWriter, double millis) {
    public double trialsPerSecond() {
      return writers * trialsPerWriter * 1000.0 / millis;
    }
  }

  private static final List<String> NAMES = List.of("f_lin", "f_log", "f_step", "i_lin", "i_log", "i_step",
      "c_str", "c_int", "c_bool", "f_other");
  private static final List<Distribution> SPACE = List.of(
      FloatDistribution.of(-5, 5), FloatDistribution.log(1e-5, 1), FloatDistribution.stepped(0, 1, 0.1),
      IntDistribution.of(0, 100), IntDistribution.log(1, 1024), IntDistribution.stepped(0, 100, 5),
      CategoricalDistribution.of("adam", "sgd", "rmsprop"), CategoricalDistribution.of(16L, 32L, 64L, 128L),
      CategoricalDistribution.of(true, false), FloatDistribution.of(0, 10));
  private static final int STEPS = 20;

  /** Writes {@code trials} trials into study {@code "bench"} of {@code file} (created if needed). */
  public static WriteResult write(Path file, int trials, WriteStyle style, long seed) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      long study = studyOf(storage, "bench");
      SplittableRandom random = new SplittableRandom(seed);
      long t0 = System.nanoTime();
      for (int i = 0; i < trials; i++) writeTrial(storage, study, random, style);
      return new WriteResult(file, style, trials, (System.nanoTime() - t0) / 1e6);
    }
  }

  /** Reads every trial of a study ({@code null}: the first) from an existing file, without changing it. */
  public static ReadResult read(Path file, String studyName, int repeats) {
    long t0 = System.nanoTime();
    try (SqliteStorage storage = SqliteStorage.openReadOnly(file)) {
      double open = (System.nanoTime() - t0) / 1e6;
      List<StudySummary> studies = storage.studies();
      if (studies.isEmpty()) throw new StorageException(file + " holds no study to read");
      long id = studyName == null ? studies.get(0).studyId() : storage.studyId(studyName);
      long t1 = System.nanoTime();
      List<FrozenTrial> trials = storage.trials(id);
      double first = (System.nanoTime() - t1) / 1e6;
      double best = first;
      for (int r = 0; r < repeats; r++) {
        long t = System.nanoTime();
        storage.trials(id);
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
      }
      long t2 = System.nanoTime();
      storage.studies();
      double summary = (System.nanoTime() - t2) / 1e6;
      return new ReadResult(file, storage.studyName(id), trials.size(), open, first, best, summary);
    }
  }

  /** {@code writers} threads, each with its own store on {@code file}, write Optuna-style trials at once. */
  public static ConcurrentResult concurrentWrite(Path file, int writers, int trialsPerWriter, long seed) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      studyOf(storage, "bench-concurrent");
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long writerSeed = seed + w;
        futures.add(pool.submit(() -> {
          try (SqliteStorage own = SqliteStorage.open(file)) {
            long study = own.studyId("bench-concurrent");
            SplittableRandom random = new SplittableRandom(writerSeed);
            for (int i = 0; i < trialsPerWriter; i++) writeTrial(own, study, random, WriteStyle.OPTUNA);
          }
        }));
      }
      for (Future<?> f : futures) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("concurrent write benchmark interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new StorageException("concurrent write benchmark failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new ConcurrentResult(file, writers, trialsPerWriter, (System.nanoTime() - t0) / 1e6);
  }

  private static long studyOf(SqliteStorage storage, String name) {
    return storage.findStudy(name).orElseGet(() -> storage.createStudy(name, List.of(StudyDirection.MINIMIZE)));
  }

  private static void writeTrial(SqliteStorage storage, long study, SplittableRandom random, WriteStyle style) {
    FrozenTrial trial = storage.createTrial(study, null);
    TrialUpdate.Builder batch = TrialUpdate.builder();
    double objective = 0;
    for (int p = 0; p < NAMES.size(); p++) {
      double internal = sample(SPACE.get(p), random);
      objective += internal;
      batch.param(NAMES.get(p), SPACE.get(p), internal);
      if (style == WriteStyle.OPTUNA) flush(storage, trial, batch);
    }
    for (int step = 0; step < STEPS; step++) {
      batch.intermediateValue(step, objective / (step + 1));
      if (style == WriteStyle.OPTUNA) flush(storage, trial, batch);
    }
    batch.state(TrialState.COMPLETE).values(List.of(objective));
    flush(storage, trial, batch);
  }

  private static void flush(SqliteStorage storage, FrozenTrial trial, TrialUpdate.Builder batch) {
    storage.updateTrial(trial.trialId(), batch.build());
    batch.clear();
  }

  /** A random internal value, as a random sampler would suggest it. */
  private static double sample(Distribution d, SplittableRandom random) {
    if (d instanceof FloatDistribution f) {
      if (f.log()) return Math.exp(Math.log(f.low()) + random.nextDouble() * (Math.log(f.high()) - Math.log(f.low())));
      if (f.step() != null) {
        long k = random.nextLong(Math.round((f.high() - f.low()) / f.step()) + 1);
        return f.low() + k * f.step();
      }
      return f.low() + random.nextDouble() * (f.high() - f.low());
    }
    if (d instanceof IntDistribution i) {
      if (i.log()) {
        double v = Math.exp(Math.log(i.low()) + random.nextDouble() * (Math.log(i.high()) - Math.log(i.low())));
        return Math.min(i.high(), Math.max(i.low(), Math.round(v)));
      }
      return i.low() + random.nextLong(i.size()) * i.step();
    }
    return random.nextInt(((CategoricalDistribution) d).choices().size());
  }
}
