package org.tunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunelab.json.PythonFloat;
import org.tunelab.json.PythonJson;
import org.tunelab.spec.DurationFormat;
import org.tunelab.spec.SpecFactory;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecStudies;
import org.tunelab.spec.StudySpec;
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.RunStatus;
import org.tunelab.run.TrialRunner;
import org.tunelab.run.ssh.SshTrialRunner;
import org.tunelab.run.TrialRecovery;
import org.tunelab.storage.Storage;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab run SPEC}: creates or continues the spec's study and runs it headless, with a
 * progress line on stderr and the best result on stdout.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the study a spec file describes (creating it, or continuing it when it exists).",
        "Progress goes to stderr, the best result to stdout. Ctrl+C stops: running trials are killed and marked",
        "FAIL (or re-queued with --requeue-on-stop). Trial logs go next to the store (STORE-logs/STUDY/).",
        "Trials left RUNNING by a run that died are marked FAIL first (see tunelab recover)."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The study spec (YAML).")
  Path specFile;

  @Option(names = "--trials", paramLabel = "N", description = "Trials to add in this run (overrides the spec).")
  Integer trials;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop after this long, e.g. 30m, 2h, 1h30m.")
  String timeout;

  @Option(names = "--workers", paramLabel = "N", description = "Trials evaluated at once (overrides the spec).")
  Integer workers;

  @Option(names = "--slots", paramLabel = "N", description = "Trials run at once on this machine (overrides the spec's executor).")
  Integer slots;

  @Option(names = "--requeue-on-stop", description = "On Ctrl+C, re-queue the killed trials (run first next time) instead of only marking them FAIL.")
  boolean requeueOnStop;

  @Option(names = {"-q", "--quiet"}, description = "No progress line.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StudySpec studySpec = SpecReader.read(specFile).withRunOverrides(checkedTrials(), parsedTimeout(), checkedWorkers());
    try (Storage storage = StorageArguments.openForWriting(SpecFactory.storageUrl(studySpec), studySpec.baseDir())) {
      Study study = SpecStudies.open(studySpec, storage);
      // The app's run panel starts a study again from the spec it was last run from.
      storage.setStudySystemAttr(study.id(), RunStatus.SPEC_ATTR, specFile.toAbsolutePath().normalize().toString());
      if (studySpec.trials() == null && studySpec.timeout() == null) {
        err.println("no trials or timeout given: running until stopped (Ctrl+C)");
      }
      Double bestBefore = study.directions().size() == 1 ? study.bestTrial().map(FrozenTrial::value).orElse(null) : null;
      ProgressReporter progress = new ProgressReporter(err, System.console() != null, quiet, studySpec.trials(),
          study.directions(), bestBefore);
      study.addListener(progress);
      // On Ctrl+C, ask the loop to start no further trial while the study's own hook fails the running ones.
      Thread stopOnSignal = new Thread(study::stop, "tunelab-stop-" + study.studyName());
      Runtime.getRuntime().addShutdownHook(stopOnSignal);
      ExecutionResult result;
      try {
        result = executor(studySpec, study, storage).run();
      } finally {
        progress.finish();
        removeHook(stopOnSignal);
      }
      for (TrialRecovery.Recovered r : result.recovered()) {
        err.println("trial " + r.number() + " was left RUNNING (" + r.reason() + "): marked FAIL"
            + (r.requeuedAs() == null ? "" : ", re-queued as trial " + r.requeuedAs()));
      }
      if (result.reason() == ExecutionResult.Reason.INTERRUPTED) {
        throw new CliException(ExitCode.INTERRUPTED, "interrupted; the running trials were killed and marked FAIL"
            + (requeueOnStop ? " and re-queued" : ""));
      }
      printResult(out, study, progress, result.elapsed());
      if (progress.finished() > 0 && progress.failed() == progress.finished()) {
        throw new CliException(ExitCode.RUNTIME, "all " + progress.finished() + " trials of this run failed; last: "
            + progress.lastFailure());
      }
    }
    return ExitCode.OK;
  }

  private LocalExecutor executor(StudySpec studySpec, Study study, Storage storage) {
    Integer slotCount = slots != null ? slots : workers;
    if (slotCount != null && slotCount < 1) throw new CliException(ExitCode.USAGE, "--slots must be >= 1, got " + slotCount);
    ExecutorOptions options = SpecFactory.executorOptions(studySpec, logDir(storage, study)).requeueingInterrupted(requeueOnStop);
    if (slotCount != null) options = options.withSlots(slotCount);
    TrialRunner runner = SpecFactory.runner(studySpec);
    if (runner instanceof SshTrialRunner hosts) HostsCommand.prepare(hosts, spec.commandLine().getErr());
    return new LocalExecutor(study, runner, options);
  }

  /** Trial logs live next to the store: {@code studies.db-logs/<study>/trial-<n>.log}; none for a store in memory. */
  static Path logDir(Storage storage, Study study) {
    if (!(storage instanceof SqliteStorage sqlite)) return null;
    Path db = sqlite.path().toAbsolutePath();
    String safe = study.studyName().replaceAll("[^\\p{L}\\p{N}._-]", "_");
    return db.resolveSibling(db.getFileName() + "-logs").resolve(safe);
  }

  private void printResult(PrintWriter out, Study study, ProgressReporter progress, Duration elapsed) {
    out.printf(Locale.ROOT, "study %s: %d trials run in %.1fs (%d complete, %d pruned, %d failed); %d in the study%n",
        study.studyName(), progress.finished(), elapsed.toMillis() / 1000.0, progress.complete(),
        progress.pruned(), progress.failed(), study.trials().size());
    if (study.directions().size() == 1) {
      Optional<FrozenTrial> best = study.bestTrial();
      if (best.isEmpty()) {
        out.println("no complete trial yet");
      } else {
        out.println("best value: " + PythonFloat.repr(best.get().value()));
        out.println("best trial: " + best.get().number());
        out.println("best params: " + PythonJson.write(best.get().params()));
      }
    } else {
      List<FrozenTrial> front = study.bestTrials();
      out.println("Pareto front: " + front.size() + " trial(s)");
      for (FrozenTrial t : front.subList(0, Math.min(10, front.size()))) {
        out.println("  trial " + t.number() + ": values " + PythonJson.write(t.values()) + " params "
            + PythonJson.write(t.params()));
      }
      if (front.size() > 10) out.println("  ... (tunelab trials lists them all)");
    }
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting; the hook has run.
    }
  }

  private Integer checkedTrials() {
    if (trials != null && trials < 0) throw new CliException(ExitCode.USAGE, "--trials must be >= 0, got " + trials);
    return trials;
  }

  private Integer checkedWorkers() {
    if (workers != null && workers < 1) throw new CliException(ExitCode.USAGE, "--workers must be >= 1, got " + workers);
    return workers;
  }

  private Duration parsedTimeout() {
    if (timeout == null) return null;
    try {
      return DurationFormat.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "--timeout: " + e.getMessage());
    }
  }
}
