package org.tunelab.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: wires the real executor, SQLite opener and dialogs to the main window, then
 * does what the command line asked (open a database, run the demo) or shows the welcome pane. Started
 * by {@link TuneLabLauncher}.
 */
public final class TuneLabApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(TuneLabApp.class);

  private FxTaskExecutor executor;

  @Override
  public void start(Stage stage) {
    LaunchOptions options = LaunchOptions.parse(List.copyOf(getParameters().getRaw()));
    executor = new FxTaskExecutor();
    MainWindow window = createWindow(stage, executor);
    MainViewModel vm = window.viewModel();
    vm.loadPreferences();
    stage.show();
    if (options.demo()) {
      vm.runDemo();
    } else {
      options.database().ifPresent(vm::open);
    }
    LOG.info("TuneLab started");
  }

  /** The main window with the app's real services; tests use it with their own stage. */
  static MainWindow createWindow(Stage stage, TaskExecutor executor) {
    AppContext context = AppContext.defaults(new SqliteStorageOpener(), executor, new FxDialogService(() -> stage));
    return new MainWindow(stage, new MainViewModel(context));
  }

  @Override
  public void stop() {
    // after the window closed: let the demo finish its trial and the watcher close its file
    if (executor != null) executor.shutdown();
  }
}
