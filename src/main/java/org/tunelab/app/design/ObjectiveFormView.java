package org.tunelab.app.design;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.tunelab.functions.BuiltinFunction;
import org.tunelab.functions.BuiltinFunctions;

/**
 * The objective: a command with {@code {param}} placeholders (or a built-in function), its working
 * directory, timeout, environment and metric patterns, with the live preview of a sample trial and
 * the metric test box.
 */
final class ObjectiveFormView {
  private final ScrollPane root;

  ObjectiveFormView(StudyDesignerViewModel vm) {
    ToggleGroup kind = new ToggleGroup();
    RadioButton command = new RadioButton("Run a command per trial");
    command.setId("objectiveCommand");
    command.setToggleGroup(kind);
    RadioButton builtin = new RadioButton("Built-in test function");
    builtin.setId("objectiveBuiltin");
    builtin.setToggleGroup(kind);
    Runnable showKind = () -> (vm.field(DesignField.OBJECTIVE_KIND).get().equals("builtin") ? builtin : command).setSelected(true);
    showKind.run();
    vm.field(DesignField.OBJECTIVE_KIND).addListener((o, a, b) -> showKind.run());
    kind.selectedToggleProperty().addListener((o, a, t) -> {
      if (t != null) vm.field(DesignField.OBJECTIVE_KIND).set(t == builtin ? "builtin" : "command");
    });

    ComboBox<String> functions = new ComboBox<>();
    functions.setId("builtinName");
    functions.setEditable(true);
    BuiltinFunctions.all().stream().map(BuiltinFunction::name).forEach(functions.getItems()::add);
    functions.valueProperty().bindBidirectional(vm.field(DesignField.BUILTIN));

    TextField line = text("command", vm.field(DesignField.COMMAND), "python3 train.py --lr {lr} --layers {layers}");
    line.getStyleClass().add("monospace");
    TextArea env = new TextArea();
    env.setId("env");
    env.setPrefRowCount(2);
    env.setPromptText("OMP_NUM_THREADS=1");
    env.textProperty().bindBidirectional(vm.field(DesignField.ENV));

    TextArea preview = readOnly("previewCommand", 3);
    preview.textProperty().bind(vm.previewCommandProperty());
    TextArea previewEnv = readOnly("previewEnv", 4);
    previewEnv.setWrapText(false); // a long path wrapped mid-word reads as two variables
    previewEnv.textProperty().bind(vm.previewEnvProperty());
    Button another = new Button("Another sample trial");
    another.setId("previewAnother");
    another.setOnAction(e -> vm.previewSeedProperty().set(vm.previewSeedProperty().get() + 1));

    TextField testLine = text("metricTestLine", vm.metricTestLineProperty(), "paste a line of your program's output");
    Label testResult = new Label();
    testResult.setId("metricTestResult");
    testResult.getStyleClass().add("metric-test-result");
    testResult.setWrapText(true);
    testResult.textProperty().bind(vm.metricTestResultProperty());

    FormGrid grid = new FormGrid(vm)
        .section("Objective")
        .wide(new HBox(18, command, builtin))
        .row("Built-in", functions, "Evaluated inside TuneLab; for trying samplers without a program.", "objective.builtin")
        .shownWhen(builtin.selectedProperty())
        .row("Command", line, "Split into arguments like a shell, but no shell runs. {name} is replaced by the"
            + " parameter's value.", "objective.command")
        .shownWhen(command.selectedProperty())
        .row("Working directory", text("workdir", vm.field(DesignField.WORKDIR), "."),
            "Relative to the spec file's folder.", "objective.workdir")
        .row("Trial timeout", text("trialTimeout", vm.field(DesignField.TRIAL_TIMEOUT), "none"),
            "A trial running longer is killed, e.g. 30m or 1h30m.", "objective.timeout")
        .row("Environment", env, "One NAME=value per line, added to TuneLab's own variables.", "objective.env")
        .section("Metric from the output")
        .row("Metric pattern", text("metricRegex", vm.field(DesignField.METRIC_REGEX), "val_acc=([0-9.eE+-]+)"),
            "For programs without @tunelab report lines: the first group is the value.", "objective.metric")
        .row("Step pattern", text("metricStep", vm.field(DesignField.METRIC_STEP), "epoch=(\\d+)"),
            "Optional: where the step of each value is; without it steps count 0, 1, 2, …")
        .row("Test a line", testLine, "")
        .wide(testResult)
        .section("Sample trial")
        .row("Runs", preview, "What trial 0 would run, with values drawn from the space.")
        .row("Variables", previewEnv, "")
        .wide(another);
    GridInsets.pad(testResult);
    root = new ScrollPane(grid);
    root.setFitToWidth(true);
  }

  static TextField text(String id, javafx.beans.property.StringProperty property, String prompt) {
    TextField t = new TextField();
    t.setId(id);
    t.setPromptText(prompt);
    t.textProperty().bindBidirectional(property);
    return t;
  }

  private static TextArea readOnly(String id, int rows) {
    TextArea a = new TextArea();
    a.setId(id);
    a.setEditable(false);
    a.setWrapText(true);
    a.setPrefRowCount(rows);
    a.getStyleClass().addAll("monospace", "read-only");
    return a;
  }

  Node node() {
    return root;
  }

  /** Keeps wide result rows aligned with the fields. */
  static final class GridInsets {
    private GridInsets() {}

    static void pad(javafx.scene.layout.Region r) {
      javafx.scene.layout.GridPane.setMargin(r, new Insets(0, 0, 8, 142));
    }
  }
}
