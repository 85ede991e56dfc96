package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The detail form of the selected parameter: one control per field with its error right below it.
 * Every change goes to the view model as an edit (so it can be undone); {@link #refresh()} writes the
 * model's state back without echoing edits. Fields a type does not use are hidden.
 */
final class ParamFormView {
  private static final String ALWAYS = "";

  private final SpaceEditorViewModel model;
  private final GridPane grid = new GridPane();
  private final Label title = new Label();
  private final Map<ParamField, TextField> texts = new EnumMap<>(ParamField.class);
  private final Map<ParamField, Label> errors = new EnumMap<>(ParamField.class);
  private final Map<ParamField, List<Node>> rows = new EnumMap<>(ParamField.class);
  private final ComboBox<ParamType> type = new ComboBox<>(FXCollections.observableArrayList(ParamType.values()));
  private final CheckBox log = new CheckBox("sample on a log scale");
  private final ComboBox<String> parent = new ComboBox<>();
  private final FlowPane valueBoxes = new FlowPane(8, 4);
  private final VBox box;
  private boolean updating;

  ParamFormView(SpaceEditorViewModel model) {
    this.model = model;
    grid.getStyleClass().add("space-form");
    grid.setPadding(javafx.geometry.Insets.EMPTY);
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints controls = new ColumnConstraints();
    controls.setHgrow(Priority.ALWAYS);
    controls.setFillWidth(true);
    grid.getColumnConstraints().addAll(labels, controls);
    title.getStyleClass().add("space-form-title");

    addText(ParamField.NAME, "Name", "Letters, digits and _ are safest; the program receives it as {name}");
    addRow(ParamField.TYPE, "Type", type);
    addText(ParamField.LOW, "Low", null);
    addText(ParamField.HIGH, "High", null);
    addText(ParamField.STEP, "Step", "Empty for a continuous range (float) or 1 (int)");
    addRow(ParamField.LOG, "Scale", log);
    addText(ParamField.CHOICES, "Choices", "Comma-separated: adam, sgd, 32, 0.5, true, null; quote \"32\" for a string");
    parent.setConverter(new StringConverter<>() {
      @Override
      public String toString(String name) {
        return name == null || name.isEmpty() ? "(always active)" : "when " + name + " is";
      }

      @Override
      public String fromString(String s) {
        return s;
      }
    });
    addRow(ParamField.CONDITION_PARENT, "Condition", parent);
    TextField values = addText(ParamField.CONDITION_VALUES, "Values", null);
    VBox valuesBox = new VBox(4, valueBoxes, values);
    GridPane.setConstraints(valuesBox, 1, GridPane.getRowIndex(values));
    grid.getChildren().remove(values);
    grid.getChildren().add(valuesBox);
    rows.get(ParamField.CONDITION_VALUES).set(1, valuesBox);

    type.setId("space-type");
    type.valueProperty().addListener((obs, old, now) -> {
      if (!updating && now != null) model.setType(index(), now);
    });
    log.setId("space-log");
    log.selectedProperty().addListener((obs, old, now) -> {
      if (!updating) model.setLog(index(), now);
    });
    parent.setId("space-condition-parent");
    parent.valueProperty().addListener((obs, old, now) -> {
      if (updating || now == null) return;
      List<String> choices = model.conditionValues(now);
      model.setCondition(index(), now, now.isEmpty() || choices.isEmpty() ? "" : choices.get(0));
    });
    box = new VBox(title, grid);
    box.setPadding(new javafx.geometry.Insets(10, 12, 4, 12));
    refresh();
  }

  Node node() {
    return box;
  }

  /** The text field of a field, for tests and focus. */
  TextField field(ParamField field) {
    return texts.get(field);
  }

  /** The error label of a field, for tests. */
  Label error(ParamField field) {
    return errors.get(field);
  }

  private int index() {
    return model.selectedIndexProperty().get();
  }

  private TextField addText(ParamField field, String label, String hint) {
    TextField text = new TextField();
    text.setId("space-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    if (hint != null) text.setTooltip(new Tooltip(hint));
    text.textProperty().addListener((obs, old, now) -> {
      if (!updating) model.setText(index(), field, now);
    });
    // leaving the field, or Enter, closes the undo entry its keystrokes merged into
    text.focusedProperty().addListener((obs, was, is) -> {
      if (!is) model.sealEdit();
    });
    text.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) model.sealEdit();
    });
    texts.put(field, text);
    addRow(field, label, text);
    return text;
  }

  private void addRow(ParamField field, String label, Node control) {
    int row = grid.getRowCount();
    Label name = new Label(label);
    Label error = new Label();
    error.getStyleClass().add("space-field-error");
    error.setId("space-error-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    error.setMaxWidth(Double.MAX_VALUE);
    grid.add(name, 0, row);
    grid.add(control, 1, row);
    grid.add(error, 1, row + 1);
    errors.put(field, error);
    rows.put(field, new ArrayList<>(List.of(name, control, error)));
  }

  /** Writes the selected draft, its errors and the condition picker into the controls. */
  void refresh() {
    updating = true;
    try {
      ParamDraft d = model.selected();
      grid.setDisable(d == null);
      title.setText(d == null ? "No parameter selected"
          : "Parameter " + (d.name().isBlank() ? "(no name)" : d.name()));
      if (d == null) {
        texts.values().forEach(t -> t.setText(""));
        errors.values().forEach(l -> show(l, null));
        return;
      }
      texts.forEach((field, text) -> {
        if (!text.getText().equals(d.text(field))) text.setText(d.text(field));
      });
      type.setValue(d.type());
      log.setSelected(d.log());
      boolean numeric = d.type() != ParamType.CATEGORICAL;
      for (ParamField f : List.of(ParamField.LOW, ParamField.HIGH, ParamField.STEP, ParamField.LOG)) visible(f, numeric);
      visible(ParamField.CHOICES, !numeric);
      List<String> parents = new ArrayList<>();
      parents.add(ALWAYS);
      parents.addAll(model.conditionParents(index()));
      if (d.isConditional() && !parents.contains(d.conditionParent())) parents.add(d.conditionParent());
      if (!parent.getItems().equals(parents)) parent.getItems().setAll(parents);
      parent.setValue(d.conditionParent());
      visible(ParamField.CONDITION_VALUES, d.isConditional() || !d.conditionValues().isBlank());
      valueChecks(d);
      for (ParamField f : ParamField.values()) {
        String message = model.fieldError(index(), f);
        show(errors.get(f), message);
        TextField text = texts.get(f);
        if (text != null) {
          text.getStyleClass().remove("space-invalid");
          if (message != null) text.getStyleClass().add("space-invalid");
        }
      }
    } finally {
      updating = false;
    }
  }

  /** One check box per value the parent can take, ticked when the condition lists it. */
  private void valueChecks(ParamDraft d) {
    valueBoxes.getChildren().clear();
    List<String> values = d.isConditional() ? model.conditionValues(d.conditionParent()) : List.of();
    List<String> chosen = new ArrayList<>();
    try {
      for (Object v : ChoiceText.parse(d.conditionValues())) chosen.add(ChoiceText.format(v));
    } catch (DraftFormatException e) {
      // the text field shows the error; leave every box unticked
    }
    for (String value : values) {
      CheckBox check = new CheckBox(value);
      check.setSelected(chosen.contains(value));
      check.selectedProperty().addListener((obs, was, is) -> {
        List<String> now = new ArrayList<>();
        for (Node n : valueBoxes.getChildren()) {
          if (n instanceof CheckBox c && c.isSelected()) now.add(c.getText());
        }
        model.setCondition(index(), d.conditionParent(), String.join(", ", now));
      });
      valueBoxes.getChildren().add(check);
    }
    valueBoxes.setVisible(!values.isEmpty());
    valueBoxes.setManaged(!values.isEmpty());
  }

  private void visible(ParamField field, boolean visible) {
    for (Node n : rows.get(field)) {
      n.setVisible(visible);
      n.setManaged(visible);
    }
  }

  private static void show(Label label, String message) {
    label.setText(message == null ? "" : message);
    label.setVisible(message != null);
    label.setManaged(message != null);
  }
}
