package org.tunelab.app.design;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A two-column form: label, field, and under the field its hint or, while the field has a problem,
 * the problem in red. Fields are bound by the caller; the grid keeps the messages current.
 */
final class FormGrid extends GridPane {
  private record Row(Label message, String hint, List<String> fields) {}

  private final StudyDesignerViewModel vm;
  private final List<Row> rows = new ArrayList<>();
  private int next;
  private final ListChangeListener<FieldProblem> problemsListener = c -> refresh();

  FormGrid(StudyDesignerViewModel vm) {
    this.vm = vm;
    getStyleClass().add("designer-form");
    setHgap(12);
    setVgap(2);
    setPadding(new Insets(12, 16, 12, 16));
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(130);
    labels.setHalignment(HPos.RIGHT);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    getColumnConstraints().addAll(labels, fields);
    // weak: a dialog's grid must not stay registered with the designer after it closes
    vm.problems().addListener(new javafx.collections.WeakListChangeListener<>(problemsListener));
  }

  /**
   * Adds a row.
   *
   * @param fields the spec fields whose problems show under this row (a prefix matches sub-fields)
   */
  FormGrid row(String label, Node field, String hint, String... fields) {
    Label name = new Label(label);
    name.getStyleClass().add("form-label");
    if (field instanceof TextInputControl t) {
      name.setLabelFor(t);
      // a run of typing in one field is one undo step; leaving the field ends it
      t.focusedProperty().addListener((o, a, focused) -> {
        if (!focused) vm.sealEdit();
      });
    }
    Label message = new Label(hint);
    message.getStyleClass().add("form-hint");
    message.setWrapText(true);
    add(name, 0, next);
    add(field, 1, next);
    add(message, 1, next + 1);
    GridPane.setMargin(message, new Insets(0, 0, 6, 0));
    rows.add(new Row(message, hint, List.of(fields)));
    next += 2;
    refresh();
    return this;
  }

  /** Shows the last row (label, field, message) only while {@code shown} holds; hidden rows take no space. */
  FormGrid shownWhen(javafx.beans.value.ObservableBooleanValue shown) {
    for (Node n : getChildren().subList(getChildren().size() - 3, getChildren().size())) {
      n.visibleProperty().bind(shown);
      n.managedProperty().bind(shown);
    }
    return this;
  }

  /** A heading spanning both columns. */
  FormGrid section(String title) {
    Label heading = new Label(title);
    heading.getStyleClass().add("form-section");
    add(heading, 0, next, 2, 1);
    GridPane.setHalignment(heading, HPos.LEFT);
    next++;
    return this;
  }

  /** A node spanning both columns. */
  FormGrid wide(Node node) {
    add(node, 0, next, 2, 1);
    GridPane.setHalignment(node, HPos.LEFT);
    next++;
    return this;
  }

  private void refresh() {
    for (Row r : rows) {
      List<String> messages = new ArrayList<>();
      for (FieldProblem p : vm.problems()) {
        for (String f : r.fields()) {
          if (p.field().equals(f) || p.field().startsWith(f + ".") || p.field().startsWith(f + "[")) {
            messages.add(p.field().equals(f) ? p.message() : p.toString());
            break;
          }
        }
      }
      boolean bad = !messages.isEmpty();
      r.message().setText(bad ? String.join("\n", messages) : r.hint());
      r.message().getStyleClass().remove("form-error");
      if (bad) r.message().getStyleClass().add("form-error");
    }
  }
}
