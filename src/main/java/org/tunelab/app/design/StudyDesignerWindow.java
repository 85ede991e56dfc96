package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.tunelab.app.DialogService;
import org.tunelab.app.FxDialogService;
import org.tunelab.app.TaskExecutor;
import org.tunelab.app.Theme;

/**
 * The study designer's window: its own menu (File, Edit, View) with shortcuts, the designer view,
 * and the app's theme. One window per study being designed.
 *
 * <pre>{@code
 * StudyDesignerWindow w = new StudyDesignerWindow(new Stage(), executor, themeProperty, Optional.empty());
 * w.setOnRun(specFile -> runPanel.start(specFile));
 * w.show();
 * }</pre>
 */
public final class StudyDesignerWindow {
  private static final String CSS = "designer.css";
  private final Stage stage;
  private final StudyDesignerViewModel vm;
  private final StudyDesignerView view;
  private final Optional<Consumer<DesignerFiles>> fromStudy;
  private final String studyName;

  /**
   * @param fromStudy starts the designer from the selected study's parameters, if one is selected
   * @param studyName that study's name, for the "start from" choice
   */
  public StudyDesignerWindow(Stage stage, TaskExecutor executor, ObjectProperty<Theme> theme,
      Optional<Consumer<DesignerFiles>> fromStudy, String studyName) {
    this(stage, executor, null, theme, fromStudy, studyName);
  }

  /** @param dialogs the dialogs to use, or {@code null} for the platform's, owned by this window */
  public StudyDesignerWindow(Stage stage, TaskExecutor executor, DialogService dialogs, ObjectProperty<Theme> theme,
      Optional<Consumer<DesignerFiles>> fromStudy, String studyName) {
    this.stage = stage;
    this.fromStudy = fromStudy;
    this.studyName = studyName;
    vm = new StudyDesignerViewModel(executor, dialogs != null ? dialogs : new FxDialogService(() -> stage));
    view = new StudyDesignerView(vm, executor, this::askStart);
    BorderPane root = new BorderPane(view.node());
    root.setTop(menu());
    Scene scene = new Scene(root, 1180, 820);
    Runnable applyTheme = () -> scene.getStylesheets().setAll(theme.get().stylesheet(),
        StudyDesignerWindow.class.getResource(CSS).toExternalForm());
    applyTheme.run();
    theme.addListener((o, a, t) -> applyTheme.run());
    stage.setScene(scene);
    stage.titleProperty().bind(vm.files().titleProperty());
    vm.files().setDiscardGuard(this::confirmDiscard);
    // closing with unsaved changes asks first, like any editor
    stage.setOnCloseRequest(e -> {
      if (!vm.files().mayDiscard()) e.consume();
    });
    stage.setMinWidth(760);
    stage.setMinHeight(520);
  }

  private MenuBar menu() {
    MenuItem create = item("New study…", "designerMenuNew", this::askStart, KeyCode.N, false);
    MenuItem open = item("Open spec…", "designerMenuOpen", vm.files()::openWithChooser, KeyCode.O, false);
    MenuItem save = item("Save spec", "designerMenuSave", vm.files()::save, KeyCode.S, false);
    MenuItem saveAs = item("Save spec as…", "designerMenuSaveAs", vm.files()::saveAs, KeyCode.S, true);
    MenuItem run = item("Run", "designerMenuRun", vm.files()::run, KeyCode.R, false);
    run.disableProperty().bind(vm.validProperty().not());
    MenuItem close = item("Close", "designerMenuClose", () -> {
      if (vm.files().mayDiscard()) stage.close();
    }, KeyCode.W, false);
    Menu file = new Menu("File", null, create, open, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(), run,
        new SeparatorMenuItem(), close);
    MenuItem undo = item("Undo", "designerMenuUndo", view::undo, KeyCode.Z, false);
    undo.disableProperty().bind(view.canUndo().not());
    MenuItem redo = item("Redo", "designerMenuRedo", view::redo, KeyCode.Z, true);
    redo.disableProperty().bind(view.canRedo().not());
    Menu edit = new Menu("Edit", null, undo, redo);
    MenuItem yaml = item("Show as YAML", "designerMenuYaml",
        () -> view.showYamlToggle().setSelected(!view.showYamlToggle().isSelected()), KeyCode.Y, true);
    Menu viewMenu = new Menu("View", null, yaml);
    return new MenuBar(file, edit, viewMenu);
  }

  private static MenuItem item(String text, String id, Runnable action, KeyCode key, boolean shift) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(e -> action.run());
    item.setAccelerator(shift ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
        : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
    return item;
  }

  private boolean confirmDiscard() {
    javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
        "The study has changes that are not saved. Discard them?", javafx.scene.control.ButtonType.CANCEL,
        javafx.scene.control.ButtonType.OK);
    alert.initOwner(stage);
    alert.setHeaderText("Discard unsaved changes?");
    alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
    return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
  }

  /** Asks where the new study starts from and starts it. */
  public void askStart() {
    new StartFromDialog(stage.isShowing() ? stage : null, fromStudy, studyName).showAndWait()
        .ifPresent(start -> start.accept(vm.files()));
  }

  /** Called with the saved spec file when the user presses Run. */
  public void setOnRun(Consumer<Path> handler) {
    vm.setOnRun(handler);
  }

  public void show() {
    stage.show();
    stage.toFront();
  }

  public StudyDesignerViewModel viewModel() {
    return vm;
  }

  public StudyDesignerView view() {
    return view;
  }

  public Stage stage() {
    return stage;
  }
}
