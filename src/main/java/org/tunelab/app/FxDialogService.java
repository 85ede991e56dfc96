package org.tunelab.app;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The {@link DialogService} of the real window: JavaFX alerts owned by the main window and styled
 * with the current theme, and the platform file chooser.
 */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;

  /** Dialogs are owned by (and take the stylesheets of) the window {@code owner} supplies, if any. */
  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String message, Throwable details) {
    Alert alert = alert(Alert.AlertType.ERROR, title, message);
    alert.getDialogPane().getStyleClass().add("error-dialog");
    if (details != null) {
      // the stack trace is for a bug report, not for reading: keep it folded away
      TextArea trace = new TextArea(stackTrace(details));
      trace.setEditable(false);
      trace.setWrapText(false);
      trace.getStyleClass().add("details");
      trace.setPrefRowCount(14);
      VBox.setVgrow(trace, Priority.ALWAYS);
      VBox box = new VBox(6, new Label("Details"), trace);
      alert.getDialogPane().setExpandableContent(box);
    }
    alert.showAndWait();
  }

  @Override
  public void showInformation(String title, String message) {
    alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
  }

  @Override
  public Optional<Path> showOpenDatabaseDialog(Path initialDirectory) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open database");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Optuna databases (*.db, *.sqlite, *.sqlite3)", "*.db", "*.sqlite", "*.sqlite3"),
        new FileChooser.ExtensionFilter("All files", "*"));
    if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
      chooser.setInitialDirectory(initialDirectory.toFile());
    }
    File file = chooser.showOpenDialog(owner.get());
    return Optional.ofNullable(file).map(File::toPath);
  }

  @Override
  public Optional<Path> showOpenFileDialog(String title, List<String> extensions) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions).toUpperCase(java.util.Locale.ROOT)
        + " files", extensions.stream().map(e -> "*." + e).toList()));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(owner.get());
    return Optional.ofNullable(file).map(File::toPath);
  }

  @Override
  public Optional<Path> showSaveDialog(String title, String suggestedName, List<String> extensions) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.setInitialFileName(suggestedName);
    for (String ext : extensions) {
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT) + " (*." + ext + ")", "*." + ext));
    }
    File file = chooser.showSaveDialog(owner.get());
    if (file == null) return Optional.empty();
    Path path = file.toPath();
    // the chooser does not add the extension of the chosen filter by itself
    FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
    String name = path.getFileName().toString();
    if (chosen != null && !name.contains(".")) path = path.resolveSibling(name + chosen.getExtensions().get(0).substring(1));
    return Optional.of(path);
  }

  @Override
  public Optional<String> choose(String title, String message, List<String> choices) {
    Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
    List<javafx.scene.control.ButtonType> buttons = new java.util.ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      boolean cancel = i == choices.size() - 1;
      buttons.add(new javafx.scene.control.ButtonType(choices.get(i), cancel
          ? javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE
          : i == 0 ? javafx.scene.control.ButtonBar.ButtonData.OK_DONE : javafx.scene.control.ButtonBar.ButtonData.OTHER));
    }
    alert.getButtonTypes().setAll(buttons);
    return alert.showAndWait().map(javafx.scene.control.ButtonType::getText);
  }

  private Alert alert(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type);
    Window w = owner.get();
    if (w != null) {
      alert.initOwner(w);
      // same look as the window, light or dark
      if (w.getScene() != null) alert.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
    }
    alert.setTitle(title);
    alert.setHeaderText(title);
    alert.setContentText(message);
    alert.getDialogPane().setMinWidth(460);
    return alert;
  }

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
