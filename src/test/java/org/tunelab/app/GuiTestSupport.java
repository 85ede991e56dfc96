package org.tunelab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starting the real window (real executor, SQLite, dialogs) in a TestFX stage, and waiting for it. */
final class GuiTestSupport {
  private GuiTestSupport() {}

  /** The main window as the app builds it, with its files under {@code home} and a fast poll. */
  static MainWindow showWindow(Stage stage, Path home, FxTaskExecutor executor) {
    return showWindow(stage, home, executor, new FxDialogService(() -> stage));
  }

  /** The same with dialogs a test answers. */
  static MainWindow showWindow(Stage stage, Path home, FxTaskExecutor executor, DialogService dialogs) {
    AppPaths paths = new AppPaths(home.resolve("config"), home.resolve("data"));
    AppContext context = new AppContext(new SqliteStorageOpener(), executor, dialogs, paths,
        Duration.ofMillis(150), 8, Duration.ofMillis(20));
    MainWindow window = new MainWindow(stage, new MainViewModel(context));
    stage.show();
    return window;
  }

  /** Copies a fixture out of the test resources, so tests never open (and maybe stamp) the original. */
  static Path fixture(String name, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName());
    try (InputStream in = GuiTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) throw new IOException("no test resource /fixtures/" + name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Waits up to 30 s (a loaded CI machine is slow) for {@code condition}, checked on the FX thread. */
  static void waitUntil(FxRobot robot, BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      boolean[] ok = {false};
      robot.interact(() -> ok[0] = condition.getAsBoolean());
      return ok[0];
    });
  }
}
