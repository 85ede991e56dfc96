package org.tunelab.app.design.space;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tunelab.app.TaskExecutor;
import org.tunelab.spec.SpecException;

/**
 * The search-space editor: a table of parameters (add, copy, remove, reorder), a form for the selected
 * one with each field's error beside it, the prior preview, and the list of problems. A thin view: all
 * state and every edit live in {@link SpaceEditorViewModel}.
 *
 * <p>Keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (anywhere in the editor, text fields included);
 * in the table Insert adds, Delete removes, Ctrl+D copies, Alt+Up and Alt+Down move the parameter.
 */
public final class SpaceEditorView {
  private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination REDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
  private static final int ERRORS_SHOWN = 6;

  private final SpaceEditorViewModel model;
  private final TaskExecutor executor;
  private final BorderPane root = new BorderPane();
  private final TableView<ParamDraft> table = new TableView<>();
  private final ParamFormView form;
  private final PriorPreviewView preview;
  private final VBox problems = new VBox(2);
  private final Label status = new Label();
  private boolean syncing;

  /** The editor on the app's usual background executor (spec files are read off the UI thread). */
  public SpaceEditorView(SpaceEditorViewModel model, TaskExecutor executor) {
    this.model = model;
    this.executor = executor;
    this.form = new ParamFormView(model);
    this.preview = new PriorPreviewView(model);
    root.getStyleClass().add("space-editor");
    root.getStylesheets().add(SpaceEditorView.class.getResource("space-editor.css").toExternalForm());
    root.setTop(toolbar());
    ScrollPane formScroll = new ScrollPane(form.node());
    formScroll.setFitToWidth(true);
    VBox right = new VBox(formScroll, preview.node());
    VBox.setVgrow(preview.node(), Priority.ALWAYS);
    SplitPane split = new SplitPane(buildTable(), right);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.48);
    root.setCenter(split);
    problems.getStyleClass().add("space-errors");
    problems.setId("space-problems");
    root.setBottom(problems);
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::historyKeys);

    model.rows().addListener((ListChangeListener<ParamDraft>) c -> syncSelection());
    model.selectedIndexProperty().addListener((obs, old, now) -> syncSelection());
    model.validationProperty().addListener((obs, old, now) -> {
      table.refresh();
      form.refresh();
      preview.refresh();
      showProblems();
    });
    syncSelection();
    showProblems();
  }

  /** The editor's root node, to place in a window or tab. */
  public Node node() {
    return root;
  }

  /** The parameter table, for tests. */
  TableView<ParamDraft> table() {
    return table;
  }

  ParamFormView form() {
    return form;
  }

  PriorPreviewView preview() {
    return preview;
  }

  private ToolBar toolbar() {
    MenuButton start = new MenuButton("Start from");
    start.setId("space-start");
    for (SpaceTemplate t : SpaceTemplate.values()) {
      MenuItem item = new MenuItem(t.title());
      item.setOnAction(e -> model.load(t.space(), "start from " + t.title()));
      start.getItems().add(item);
    }
    MenuItem spec = new MenuItem("Spec file…");
    spec.setOnAction(e -> chooseSpec());
    start.getItems().addAll(new SeparatorMenuItem(), spec);

    Button add = button("Add", "Add a parameter (Insert)", "space-add", () -> model.add());
    Button copy = button("Copy", "Copy the selected parameter (Ctrl+D)", "space-copy", () -> model.duplicate(selected()));
    Button remove = button("Remove", "Remove the selected parameter (Delete)", "space-remove",
        () -> model.remove(selected()));
    Button up = button("▲", "Move up (Alt+Up)", "space-up", () -> model.moveUp(selected()));
    Button down = button("▼", "Move down (Alt+Down)", "space-down", () -> model.moveDown(selected()));
    Button undo = button("Undo", null, "space-undo", model::undo);
    Button redo = button("Redo", null, "space-redo", model::redo);
    undo.disableProperty().bind(model.canUndoProperty().not());
    redo.disableProperty().bind(model.canRedoProperty().not());
    Tooltip undoTip = new Tooltip();
    undoTip.textProperty().bind(model.undoDescriptionProperty().concat(" (Ctrl+Z)"));
    undo.setTooltip(undoTip);
    Tooltip redoTip = new Tooltip();
    redoTip.textProperty().bind(model.redoDescriptionProperty().concat(" (Ctrl+Shift+Z)"));
    redo.setTooltip(redoTip);
    var none = model.selectedIndexProperty().lessThan(0);
    copy.disableProperty().bind(none);
    remove.disableProperty().bind(none);
    up.disableProperty().bind(model.selectedIndexProperty().lessThan(1));
    down.disableProperty().bind(none.or(model.selectedIndexProperty().greaterThanOrEqualTo(
        javafx.beans.binding.Bindings.size(model.rows()).subtract(1))));
    status.getStyleClass().add("space-hint");
    return new ToolBar(start, add, copy, remove, up, down, new javafx.scene.control.Separator(), undo, redo, status);
  }

  private static Button button(String text, String tip, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    if (tip != null) b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    b.setFocusTraversable(false);
    return b;
  }

  private Node buildTable() {
    table.getStyleClass().add("space-param-table");
    table.setId("space-table");
    table.setItems(model.rows());
    table.setPlaceholder(new Label("No parameters yet: press Add (Insert) or start from a template"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<ParamDraft, String> name = column("Name", d -> d.name(), 120);
    TableColumn<ParamDraft, String> type = column("Type", d -> d.type().label(), 80);
    TableColumn<ParamDraft, String> values = column("Values", SpaceEditorView::summary, 180);
    TableColumn<ParamDraft, String> when = column("Active when", d -> d.isConditional()
        ? d.conditionParent() + " = " + d.conditionValues() : "always", 120);
    table.getColumns().add(name);
    table.getColumns().add(type);
    table.getColumns().add(values);
    table.getColumns().add(when);
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(ParamDraft item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("space-row-error");
        boolean bad = !empty && item != null && model.validationProperty().get().hasErrors(item.id());
        if (bad) getStyleClass().add("space-row-error");
        setTooltip(bad ? new Tooltip("This parameter has errors: see the form") : null);
      }
    });
    table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
      // -1 comes from the table itself when a row is replaced by an edit: the model keeps its selection
      if (!syncing && now.intValue() >= 0) model.selectedIndexProperty().set(now.intValue());
    });
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKeys);
    return table;
  }

  private static TableColumn<ParamDraft, String> column(String title, java.util.function.Function<ParamDraft, String> text,
      double width) {
    TableColumn<ParamDraft, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  /** The range or choices as one short line. */
  static String summary(ParamDraft d) {
    if (d.type() == ParamType.CATEGORICAL) return "{" + d.choices() + "}";
    String range = "[" + d.low() + ", " + d.high() + "]";
    if (d.log()) range += " log";
    if (!d.step().isBlank()) range += " step " + d.step();
    return range;
  }

  private int selected() {
    return model.selectedIndexProperty().get();
  }

  /** Table selection and form follow the model; the table's own reaction to a replaced row is ignored. */
  private void syncSelection() {
    syncing = true;
    try {
      int i = model.selectedIndexProperty().get();
      if (i < 0) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != i) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
      }
    } finally {
      syncing = false;
    }
    form.refresh();
    preview.refresh();
  }

  private void historyKeys(KeyEvent e) {
    // a filter, so a text field's own undo never sees these keys: every edit is the model's to undo
    if (UNDO.match(e)) {
      model.undo();
      e.consume();
    } else if (REDO.match(e) || REDO_Y.match(e)) {
      model.redo();
      e.consume();
    }
  }

  private void tableKeys(KeyEvent e) {
    int i = selected();
    if (e.getCode() == KeyCode.INSERT) {
      model.add();
    } else if (e.getCode() == KeyCode.DELETE && i >= 0) {
      model.remove(i);
    } else if (e.isAltDown() && e.getCode() == KeyCode.UP && i > 0) {
      model.moveUp(i);
    } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN && i >= 0) {
      model.moveDown(i);
    } else if (e.isShortcutDown() && e.getCode() == KeyCode.D && i >= 0) {
      model.duplicate(i);
    } else {
      return;
    }
    e.consume();
  }

  private void showProblems() {
    problems.getChildren().clear();
    var errors = model.errors();
    if (errors.isEmpty()) {
      int n = model.rows().size();
      Label ok = new Label(n == 0 ? "The space is empty" : "No problems: " + n + " parameter" + (n == 1 ? "" : "s"));
      ok.getStyleClass().add("space-ok");
      problems.getChildren().add(ok);
      return;
    }
    for (int k = 0; k < Math.min(ERRORS_SHOWN, errors.size()); k++) problems.getChildren().add(new Label(errors.get(k)));
    if (errors.size() > ERRORS_SHOWN) {
      problems.getChildren().add(new Label("… and " + (errors.size() - ERRORS_SHOWN) + " more"));
    }
  }

  private void chooseSpec() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Start from the space of a spec file");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Study specs", "*.yaml", "*.yml"));
    File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (file != null) loadSpec(file.toPath());
  }

  /** Reads the spec's space in the background, then loads it as one undo entry (or says why not). */
  void loadSpec(Path file) {
    status.setText("Reading " + file.getFileName() + "…");
    executor.execute(() -> {
      try {
        var space = SpaceSources.fromSpecFile(file);
        executor.runOnUi(() -> {
          model.load(space, "start from " + file.getFileName());
          status.setText("");
        });
      } catch (SpecException ex) {
        executor.runOnUi(() -> status.setText("Cannot use " + file.getFileName() + ": " + ex.getMessage()));
      }
    });
  }
}
