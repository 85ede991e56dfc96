package org.tunelab.app;

import java.time.Duration;
import java.util.Objects;

/**
 * What the main view model needs from the outside world, in one place so the app and the tests wire
 * it differently: real SQLite and threads in the app, in-memory stores and a synchronous executor in
 * unit tests.
 *
 * @param pollPeriod how often an open database is checked for changes
 * @param demoTrials trials one run of the demo adds
 * @param demoPause pause per demo trial, so the user sees the plot fill in
 */
public record AppContext(StorageOpener opener, TaskExecutor executor, DialogService dialogs, AppPaths paths,
    Duration pollPeriod, int demoTrials, Duration demoPause) {

  public AppContext {
    Objects.requireNonNull(opener, "opener");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(dialogs, "dialogs");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(pollPeriod, "pollPeriod");
    Objects.requireNonNull(demoPause, "demoPause");
    if (demoTrials < 1) throw new IllegalArgumentException("demoTrials must be >= 1, got " + demoTrials);
  }

  /** The app's defaults: poll every 500 ms, a demo of 60 trials at 120 ms each. */
  public static AppContext defaults(StorageOpener opener, TaskExecutor executor, DialogService dialogs) {
    return new AppContext(opener, executor, dialogs, AppPaths.fromEnvironment(), Duration.ofMillis(500), 60,
        Duration.ofMillis(120));
  }
}
