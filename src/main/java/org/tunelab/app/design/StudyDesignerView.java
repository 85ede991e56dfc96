package org.tunelab.app.design;

import org.tunelab.app.TaskExecutor;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tunelab.app.design.space.SpaceEditorView;

/**
 * The designer's content: a toolbar (new, open, save, undo, redo, show as YAML, validity, Run), one
 * tab per part of the study (each tab's title counts its problems), and the live YAML beside them.
 */
public final class StudyDesignerView {
  private final BorderPane root = new BorderPane();
  private final StudyDesignerViewModel vm;
  private final ToggleButton showYaml = new ToggleButton("Show as YAML");
  private final TabPane tabs = new TabPane();
  private static final int SPACE_TAB = 2;

  public StudyDesignerView(StudyDesignerViewModel vm, TaskExecutor executor, Runnable newStudy) {
    this.vm = vm;
    root.getStyleClass().add("study-designer");
    Tab study = tab("Study", new StudyFormView(vm).node(), "name", "storage", "directions", "enqueue", "");
    Tab objective = tab("Objective", new ObjectiveFormView(vm).node(), "objective");
    Tab space = tab("Search space", new SpaceEditorView(vm.spaceEditor(), executor).node(), "space");
    Tab algorithms = tab("Sampler & pruner", new AlgorithmFormView(vm).node(), "sampler", "pruner");
    Tab run = tab("Where to run", new ExecutionFormView(vm).node(), "executors", "trials", "timeout", "workers");
    tabs.getTabs().addAll(study, objective, space, algorithms, run);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("designerTabs");

    TextArea yaml = new TextArea();
    yaml.setId("yamlView");
    yaml.setEditable(false);
    yaml.setWrapText(true);
    yaml.getStyleClass().addAll("monospace", "yaml-view");
    yaml.textProperty().bind(vm.yamlProperty());
    Label yamlTitle = new Label("Spec file (read-only, updates as you edit)");
    yamlTitle.getStyleClass().add("form-section");
    VBox yamlPane = new VBox(4, yamlTitle, yaml);
    yamlPane.getStyleClass().add("yaml-pane");
    VBox.setVgrow(yaml, Priority.ALWAYS);
    SplitPane split = new SplitPane(tabs);
    split.setOrientation(Orientation.HORIZONTAL);
    showYaml.setId("showYaml");
    showYaml.selectedProperty().addListener((o, a, on) -> {
      if (on) {
        split.getItems().add(yamlPane);
        split.setDividerPositions(0.6);
      } else {
        split.getItems().remove(yamlPane);
      }
    });
    root.setTop(toolbar(newStudy));
    root.setCenter(split);
  }

  private ToolBar toolbar(Runnable newStudy) {
    Button create = button("New…", "designerNew", newStudy, "New study (Ctrl+N)");
    Button open = button("Open…", "designerOpen", vm.files()::openWithChooser, "Open a spec file (Ctrl+O)");
    Button save = button("Save", "designerSave", vm.files()::save, "Save the spec (Ctrl+S)");
    save.disableProperty().bind(vm.validProperty().not());
    Button undo = button("Undo", "designerUndo", this::undo, "Undo the last edit of this tab (Ctrl+Z)");
    undo.disableProperty().bind(canUndo().not());
    Button redo = button("Redo", "designerRedo", this::redo, "Redo (Ctrl+Shift+Z)");
    redo.disableProperty().bind(canRedo().not());
    showYaml.setTooltip(new Tooltip("Show the spec file as it would be saved (Ctrl+Shift+Y)"));
    Label status = new Label();
    status.setId("designerStatus");
    status.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty() ? "✓ Ready to run"
        : vm.problems().size() + (vm.problems().size() == 1 ? " problem: " : " problems, first: ") + vm.problems().get(0),
        vm.problems()));
    status.getStyleClass().add("designer-status");
    vm.problems().addListener((ListChangeListener<FieldProblem>) c -> {
      status.getStyleClass().remove("form-error");
      if (!vm.problems().isEmpty()) status.getStyleClass().add("form-error");
    });
    status.setMaxWidth(520);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button run = button("Run ▶", "designerRun", vm.files()::run, "Save the spec and run the study (Ctrl+R)");
    run.getStyleClass().add("run-button");
    run.disableProperty().bind(vm.validProperty().not());
    return new ToolBar(create, open, save, new Separator(), undo, redo, new Separator(), showYaml, spacer, status, run);
  }

  /** Whether the search-space tab is showing: undo and redo then act on the space editor's own history. */
  private javafx.beans.binding.BooleanBinding spaceShown() {
    return Bindings.createBooleanBinding(() -> tabs.getSelectionModel().getSelectedIndex() == SPACE_TAB,
        tabs.getSelectionModel().selectedIndexProperty());
  }

  /** Undo of the tab in view: the space editor's history on its tab, the forms' history elsewhere. */
  public void undo() {
    if (tabs.getSelectionModel().getSelectedIndex() == SPACE_TAB) vm.spaceEditor().undo();
    else vm.undo();
  }

  public void redo() {
    if (tabs.getSelectionModel().getSelectedIndex() == SPACE_TAB) vm.spaceEditor().redo();
    else vm.redo();
  }

  public javafx.beans.binding.BooleanExpression canUndo() {
    return Bindings.when(spaceShown()).then(vm.spaceEditor().canUndoProperty()).otherwise(vm.canUndoProperty());
  }

  public javafx.beans.binding.BooleanExpression canRedo() {
    return Bindings.when(spaceShown()).then(vm.spaceEditor().canRedoProperty()).otherwise(vm.canRedoProperty());
  }

  private static Button button(String text, String id, Runnable action, String tip) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  /** A tab whose title shows how many problems its fields have. */
  private Tab tab(String title, Node content, String... prefixes) {
    Tab tab = new Tab(title, content);
    tab.textProperty().bind(Bindings.createStringBinding(() -> {
      long n = vm.problems().stream().filter(p -> matches(p.field(), prefixes)).count();
      return n == 0 ? title : title + " (" + n + ")";
    }, vm.problems()));
    return tab;
  }

  private static boolean matches(String field, String... prefixes) {
    for (String p : prefixes) {
      if (p.isEmpty() ? field.isEmpty() : field.equals(p) || field.startsWith(p + ".") || field.startsWith(p + "[")) {
        return true;
      }
    }
    return false;
  }

  public ToggleButton showYamlToggle() {
    return showYaml;
  }

  public TabPane tabs() {
    return tabs;
  }

  public Node node() {
    return root;
  }
}
