package org.tunelab.app;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DemoStudy} for the main view model: starts it on a background thread, opens its
 * database in the window once the study exists, and reports progress for the status bar. At most one
 * demo runs at a time. Methods are called on the UI thread.
 */
public final class DemoController {
  private static final Logger LOG = LoggerFactory.getLogger(DemoController.class);

  private final AppContext context;
  private final MainViewModel main;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private DemoStudy current;

  DemoController(AppContext context, MainViewModel main) {
    this.context = context;
    this.main = main;
  }

  /** Starts the demo; when one is running already, just shows its database again. */
  public void start() {
    Path db = context.paths().demoDatabase();
    if (current != null) {
      main.open(DatabaseLocation.of(db), DemoStudy.STUDY_NAME);
      return;
    }
    DemoStudy d = new DemoStudy(context.opener(), db, context.demoTrials(), context.demoPause());
    current = d;
    running.set(true);
    status.set("Demo: starting");
    TaskExecutor executor = context.executor();
    CoalescingPublisher<Integer> progress = new CoalescingPublisher<>(executor, n -> {
      if (current == d) status.set("Demo: " + n + " of " + d.trials() + " trials");
    });
    executor.execute(() -> {
      try {
        d.run(() -> executor.runOnUi(() -> {
          if (current == d) main.open(DatabaseLocation.of(db), DemoStudy.STUDY_NAME);
        }), progress::publish);
        executor.runOnUi(() -> finished(d, "Demo finished"));
      } catch (RuntimeException e) {
        // the top of the demo's thread: log once here and tell the user
        LOG.error("the demo study failed", e);
        executor.runOnUi(() -> {
          finished(d, "Demo failed");
          context.dialogs().showError("Demo study failed",
              "The demo study could not run: " + e.getMessage(), e);
        });
      }
    });
  }

  private void finished(DemoStudy d, String message) {
    if (current != d) return;
    current = null;
    running.set(false);
    status.set(message);
  }

  /** Asks a running demo to stop after its current trial. */
  public void stop() {
    DemoStudy d = current;
    if (d == null) return;
    d.stop();
    current = null;
    running.set(false);
    status.set("Demo stopped");
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Progress for the status bar, such as {@code Demo: 12 of 60 trials}; empty before the first run. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
