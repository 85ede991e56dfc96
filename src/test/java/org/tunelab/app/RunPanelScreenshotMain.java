package org.tunelab.app;

import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The real app launching a spec and showing its run panel with the first running trial's output
 * selected, for the screenshot in {@code assets/run-panel.png} (see docs/app.md):
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp "target/classes:target/test-classes:target/lib/*"
 * org.tunelab.app.RunPanelScreenshotMain SPEC [dark]}.
 */
public final class RunPanelScreenshotMain {
  private RunPanelScreenshotMain() {}

  public static void main(String[] args) {
    // A plain main class, as TuneLabLauncher: JavaFX on the class path refuses an Application main class.
    Application.launch(App.class, args);
  }

  /** The app itself. */
  public static final class App extends Application {
  @Override
  public void start(Stage stage) {
    MainWindow window = TuneLabApp.createWindow(stage, new FxTaskExecutor());
    if (getParameters().getRaw().contains("dark")) window.viewModel().themeProperty().set(Theme.DARK);
    stage.show();
    window.runLauncher().launch(Path.of(getParameters().getRaw().get(0)));
    Timeline select = new Timeline(new KeyFrame(Duration.millis(500), e -> {
      var table = window.run().view().slotsTable();
      if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) table.getSelectionModel().select(0);
    }));
    select.setCycleCount(Timeline.INDEFINITE);
    select.play();
  }
  }
}
