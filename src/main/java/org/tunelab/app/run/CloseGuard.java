package org.tunelab.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.app.DialogService;
import org.tunelab.app.TaskExecutor;
import org.tunelab.run.StudyControl;
import org.tunelab.storage.Storage;
import org.tunelab.storage.Storages;

/**
 * What closing the window means while a study runs: the runs this app started, and the run of the
 * study shown, go on in the background (they are separate processes), are stopped (their running
 * trials finish; nothing is killed), or the window stays open. The question goes through the
 * {@link DialogService}, so tests answer it. Called on the UI thread.
 */
public final class CloseGuard {
  private static final Logger LOG = LoggerFactory.getLogger(CloseGuard.class);
  public static final String KEEP = "Keep running in the background";
  public static final String STOP = "Stop the study";
  public static final String CANCEL = "Cancel";

  private final RunLauncher launcher;
  private final RunPanelViewModel panel;
  private final DialogService dialogs;
  private final TaskExecutor executor;

  public CloseGuard(RunLauncher launcher, RunPanelViewModel panel, DialogService dialogs, TaskExecutor executor) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.panel = Objects.requireNonNull(panel, "panel");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Whether the window may close now. With a run going, asks first; after "Stop the study", the
   * stops are written in the background and {@code closeLater} runs on the UI thread when they are
   * stored (and this returns {@code false}).
   */
  public boolean mayClose(Runnable closeLater) {
    List<RunLauncher.Launched> launched = launcher.running();
    RunOverview shown = panel.overviewProperty().get();
    boolean shownActive = shown != null && shown.state().isActive();
    if (launched.isEmpty() && !shownActive) return true;
    List<String> names = new ArrayList<>();
    launched.forEach(l -> names.add(l.study()));
    String message = (launched.isEmpty() ? "The study shown is" : names.size() == 1 ? "Study " + names.get(0) + " is"
        : "Studies " + String.join(", ", names) + " are") + " still running.\n\n"
        + "Keep it running in the background (it goes on without the window; reopen its database to see where it "
        + "stands), stop it (running trials finish, no new one starts), or go back to the window.";
    String answer = dialogs.choose("A study is running", message, List.of(KEEP, STOP, CANCEL)).orElse(CANCEL);
    if (answer.equals(KEEP)) return true;
    if (!answer.equals(STOP)) return false;
    if (shownActive) panel.stop();
    executor.execute(() -> {
      for (RunLauncher.Launched l : launched) stop(l);
      executor.runOnUi(closeLater);
    });
    return false;
  }

  private static void stop(RunLauncher.Launched l) {
    try (Storage storage = Storages.open(l.database().toString(), null)) {
      storage.findStudy(l.study()).ifPresent(id -> StudyControl.stop(storage, id));
    } catch (RuntimeException e) {
      LOG.warn("could not stop the run of {}: {}", l.study(), e.getMessage());
    }
  }
}
