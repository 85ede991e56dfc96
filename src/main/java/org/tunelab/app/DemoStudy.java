package org.tunelab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.functions.BuiltinFunction;
import org.tunelab.functions.BuiltinFunctions;
import org.tunelab.sampler.auto.AutoSampler;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.Storage;
import org.tunelab.study.Objective;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.StudyDirection;

/**
 * The demo the app offers on first start: the Branin function minimized by the {@code auto} sampler
 * (Gaussian-process BO on this two-parameter space, which finds the minimum within a few dozen
 * trials, so the history shows what the tool is for) in a study
 * {@value #STUDY_NAME}, written to its own database by its own storage connection, exactly as another
 * process would write it, so the window shows it through the same live refresh as any study.
 *
 * <p>Each trial pauses briefly so the user sees the history fill in; a second run continues the
 * same study with more trials.
 */
public final class DemoStudy {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStudy.class);
  public static final String STUDY_NAME = "branin-demo";
  public static final long SEED = 42;

  private final StorageOpener opener;
  private final Path database;
  private final int trials;
  private final Duration pause;
  private volatile Study study;
  private volatile boolean stopRequested;

  public DemoStudy(StorageOpener opener, Path database, int trials, Duration pause) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.database = Objects.requireNonNull(database, "database");
    this.trials = trials;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  public Path database() {
    return database;
  }

  public int trials() {
    return trials;
  }

  /** The demo's search space: Branin's usual domain. */
  public static SearchSpace space() {
    return SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 10)), Param.of("y", FloatDistribution.of(0, 15)));
  }

  /**
   * Creates the database and the study (or reuses them) and runs the trials, reporting after each
   * finished trial how many this run finished. Blocks until done or stopped; call on a background thread.
   *
   * @param ready called once the study exists, before the first trial, so a view can open it
   */
  public void run(Runnable ready, IntConsumer progress) {
    try {
      Files.createDirectories(database.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new DatabaseOpenException("Cannot create the folder for the demo database " + database + ".", e);
    }
    BuiltinFunction branin = BuiltinFunctions.get("branin");
    try (Storage storage = opener.openOrCreate(DatabaseLocation.of(database))) {
      Study s = Study.builder(storage).name(STUDY_NAME).directions(StudyDirection.MINIMIZE)
          .sampler(AutoSampler.withSeed(SEED)).loadIfExists().build();
      study = s;
      if (stopRequested) return;
      ready.run();
      int[] done = {0};
      s.addListener((st, t) -> progress.accept(++done[0]));
      Objective objective = trial -> {
        pauseBriefly();
        return branin.evaluate(trial.params());
      };
      s.optimize(objective, OptimizeOptions.trials(trials).withSpace(space()));
      LOG.info("demo study finished {} trials in {}", done[0], database);
    } finally {
      study = null;
    }
  }

  private void pauseBriefly() {
    if (pause.isZero() || stopRequested) return;
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      // stop() asks the loop to end; keep the flag for whoever waits on this thread
      Thread.currentThread().interrupt();
    }
  }

  /** Asks a running demo to stop after the trial in flight; safe from any thread, and before it started. */
  public void stop() {
    stopRequested = true;
    Study s = study;
    if (s != null) s.stop();
  }
}
