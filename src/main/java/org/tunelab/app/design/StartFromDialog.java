package org.tunelab.app.design;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "New study": start from scratch, from a template, from a spec file, or from the parameters of the
 * study selected in the main window. The result is what to do to the designer.
 */
final class StartFromDialog extends Dialog<Consumer<DesignerFiles>> {

  /**
   * @param fromStudy starts from the selected study's parameters, or empty when no study is selected
   */
  StartFromDialog(Window owner, Optional<Consumer<DesignerFiles>> fromStudy, String studyName) {
    if (owner != null) {
      initOwner(owner);
      if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    setTitle("New study");
    setHeaderText("Start the new study from…");
    ToggleGroup group = new ToggleGroup();
    RadioButton empty = radio("Scratch: an empty study", "startEmpty", group);
    RadioButton template = radio("A template:", "startTemplate", group);
    ComboBox<StudyTemplate> templates = new ComboBox<>();
    templates.setId("startTemplates");
    templates.getItems().setAll(StudyTemplate.all());
    templates.getSelectionModel().select(0);
    Label description = new Label();
    description.setWrapText(true);
    description.getStyleClass().add("form-hint");
    description.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> templates.getValue() == null ? "" : templates.getValue().description(), templates.valueProperty()));
    RadioButton file = radio("A spec file…", "startFile", group);
    RadioButton study = radio(fromStudy.isPresent() ? "The parameters of study '" + studyName + "'"
        : "The parameters of an existing study (open a database and select one first)", "startStudy", group);
    study.setDisable(fromStudy.isEmpty());
    study.setWrapText(true);
    // the template's choice and description belong to its radio button
    VBox.setMargin(templates, new javafx.geometry.Insets(0, 0, 0, 24));
    VBox.setMargin(description, new javafx.geometry.Insets(0, 0, 4, 24));
    template.setSelected(true);
    templates.disableProperty().bind(template.selectedProperty().not());
    VBox box = new VBox(8, empty, template, templates, description, file, study);
    box.setPrefWidth(520);
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(b -> {
      if (b != ButtonType.OK) return null;
      if (empty.isSelected()) return DesignerFiles::newStudy;
      if (template.isSelected()) {
        StudyTemplate t = templates.getValue();
        return f -> f.newFromTemplate(t);
      }
      if (file.isSelected()) return DesignerFiles::openWithChooser;
      return fromStudy.orElse(null);
    });
  }

  private static RadioButton radio(String text, String id, ToggleGroup group) {
    RadioButton r = new RadioButton(text);
    r.setId(id);
    r.setToggleGroup(group);
    return r;
  }
}
