package org.tunelab.app.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.app.DialogService;
import org.tunelab.app.TaskExecutor;
import org.tunelab.run.BackgroundRun;
import org.tunelab.run.RunStatus;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecFactory;
import org.tunelab.spec.SpecMismatchException;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecStudies;
import org.tunelab.spec.StudySpec;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StorageUrl;
import org.tunelab.storage.Storages;
import org.tunelab.study.Study;

/**
 * Starts the study a spec file describes as a headless {@code tunelab run SPEC} process
 * ({@link BackgroundRun}) and shows it: the spec is read and the study created (or checked against
 * the stored one) here first, so that mistakes are shown with their file and line before any process
 * starts; then the run starts and the spec's store opens with the study selected. The run belongs to
 * no window: it goes on when the app closes. Methods are called on the UI thread.
 *
 * <pre>{@code
 * RunLauncher launcher = new RunLauncher(executor, dialogs, (db, study) -> main.open(DatabaseLocation.of(db), study));
 * launcher.launch(Path.of("study.yaml"));
 * }</pre>
 */
public final class RunLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
  private static final int ERROR_TAIL_LINES = 15;

  private final TaskExecutor executor;
  private final DialogService dialogs;
  private final BiConsumer<Path, String> openStudy;
  /** Runs this app started that are still going; touched on the UI thread. */
  private final List<Launched> launched = new ArrayList<>();

  /** A run this app started: its process and the study it runs. */
  public record Launched(BackgroundRun run, Path database, String study, Path spec) {}

  /**
   * @param openStudy opens the store (a SQLite file) and selects the study of that name; called on
   *     the UI thread once the run has started
   */
  public RunLauncher(TaskExecutor executor, DialogService dialogs, BiConsumer<Path, String> openStudy) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.openStudy = Objects.requireNonNull(openStudy, "openStudy");
  }

  /** File > Run spec file…: asks for a YAML spec and launches it. */
  public void launchWithChooser() {
    dialogs.showOpenFileDialog("Run spec file", List.of("yaml", "yml")).ifPresent(this::launch);
  }

  /** Runs the spec's study in the background and shows it; problems are shown in an error dialog. */
  public void launch(Path specFile) {
    Objects.requireNonNull(specFile, "specFile");
    Path spec = specFile.toAbsolutePath().normalize();
    executor.execute(() -> {
      try {
        Launched l = start(spec);
        executor.runOnUi(() -> started(l));
      } catch (LaunchException e) {
        executor.runOnUi(() -> dialogs.showError(e.title, e.getMessage(), e.getCause()));
      }
    });
  }

  private Launched start(Path spec) {
    String file = String.valueOf(spec.getFileName());
    StudySpec studySpec;
    try {
      studySpec = SpecReader.read(spec);
    } catch (SpecException e) {
      throw new LaunchException("Cannot run " + file, e.getMessage(), null);
    }
    StorageUrl url;
    try {
      url = StorageUrl.parse(SpecFactory.storageUrl(studySpec), studySpec.baseDir());
    } catch (IllegalArgumentException e) {
      throw new LaunchException("Cannot run " + file, file + ": storage: " + e.getMessage(), null);
    }
    if (url.kind() != StorageUrl.Kind.SQLITE) {
      throw new LaunchException("Cannot run " + file, file + ": the app runs studies stored in SQLite files; "
          + "run this one with: tunelab run " + spec, null);
    }
    Path db = url.path().toAbsolutePath();
    String study = studySpec.name();
    try (Storage storage = Storages.open(url)) {
      Study s = SpecStudies.open(studySpec, storage);
      Optional<RunStatus> status = RunStatus.read(storage, s.id());
      if (status.isPresent() && status.get().isActive()) {
        throw new LaunchException("Study " + study + " is running already", "Study " + study + " is being run by pid "
            + status.get().runner().pid() + " on " + status.get().runner().host()
            + ". Resume or stop it from its run panel.", null);
      }
      storage.setStudySystemAttr(s.id(), RunStatus.SPEC_ATTR, spec.toString());
    } catch (SpecMismatchException e) {
      throw new LaunchException("Cannot run " + file, e.getMessage(), null);
    } catch (StorageException | IllegalArgumentException e) {
      throw new LaunchException("Cannot run " + file, db + ": " + e.getMessage(), e);
    }
    Path output = db.resolveSibling(db.getFileName() + "-logs").resolve(safe(study)).resolve("run.out");
    try {
      BackgroundRun run = BackgroundRun.start(spec, output, List.of());
      LOG.info("started the run of {} from {} as pid {}", study, spec, run.pid());
      return new Launched(run, db, study, spec);
    } catch (IOException e) {
      throw new LaunchException("Cannot run " + file, "The run could not start: " + e.getMessage(), e);
    }
  }

  private void started(Launched l) {
    launched.add(l);
    openStudy.accept(l.database(), l.study());
    l.run().onExit().thenAccept(code -> executor.runOnUi(() -> ended(l, code)));
  }

  private void ended(Launched l, int code) {
    launched.remove(l);
    LOG.info("the run of {} (pid {}) ended with exit code {}", l.study(), l.run().pid(), code);
    // 130: stopped at once (Ctrl+C, stop now): the run panel says so already.
    if (code != 0 && code != 130) {
      dialogs.showError("The run of " + l.study() + " failed", "tunelab run " + l.spec() + " ended with exit code "
          + code + ". Its last output (" + l.run().output() + "):\n\n" + l.run().outputTail(ERROR_TAIL_LINES), null);
    }
  }

  /** Runs this app started that are still going. */
  public List<Launched> running() {
    launched.removeIf(l -> !l.run().isAlive());
    return List.copyOf(launched);
  }

  private static String safe(String study) {
    return study.replaceAll("[^\\p{L}\\p{N}._-]", "_");
  }

  /** A launch that cannot go on, with what to tell the user. */
  private static final class LaunchException extends RuntimeException {
    final String title;

    LaunchException(String title, String message, Throwable cause) {
      super(message, cause);
      this.title = title;
    }
  }
}
