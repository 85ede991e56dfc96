package org.tunelab.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;

/**
 * Edits a trial's parameters to enqueue them as a new trial. Each field is checked against the
 * parameter's distribution ({@link ParamInput}) when OK is pressed; a bad value keeps the dialog open
 * and says what is wrong next to the field.
 */
final class EnqueueDialog extends Dialog<Map<String, Object>> {
  EnqueueDialog(FrozenTrial trial, Window owner) {
    setTitle("Enqueue parameters");
    setHeaderText("Enqueue a trial with the parameters of trial " + trial.number() + ", edited");
    if (owner != null) {
      initOwner(owner);
      if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    Map<String, TextField> fields = new LinkedHashMap<>();
    Map<String, Label> errors = new LinkedHashMap<>();
    int row = 0;
    for (Map.Entry<String, Object> p : new TreeMap<>(trial.params()).entrySet()) {
      Distribution d = trial.distributions().get(p.getKey());
      TextField field = new TextField(ParamInput.text(p.getValue()));
      field.setId("enqueue-" + p.getKey());
      Label error = new Label();
      error.getStyleClass().add("field-error");
      grid.addRow(row++, new Label(p.getKey()), field, new Label(d == null ? "" : d.describe()), error);
      fields.put(p.getKey(), field);
      errors.put(p.getKey(), error);
    }
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    ParamInput.Result[] last = new ParamInput.Result[1];
    getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
      Map<String, String> texts = new LinkedHashMap<>();
      fields.forEach((k, f) -> texts.put(k, f.getText()));
      last[0] = ParamInput.parse(texts, trial.distributions());
      errors.forEach((k, l) -> l.setText(last[0].errors().getOrDefault(k, "")));
      if (!last[0].isValid()) e.consume();
    });
    setResultConverter(b -> b == ButtonType.OK && last[0] != null && last[0].isValid() ? last[0].params() : null);
  }
}
