package org.tunelab.app.design;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import org.tunelab.trial.StudyDirection;

/** The study itself: its name, where it is stored, and one direction per objective. */
final class StudyFormView {
  private final ScrollPane root;
  private final StudyDesignerViewModel vm;
  private final HBox directions = new HBox(8);

  StudyFormView(StudyDesignerViewModel vm) {
    this.vm = vm;
    directions.setAlignment(Pos.CENTER_LEFT);
    directions.setId("directions");
    showDirections();
    vm.directionsProperty().addListener((o, a, b) -> showDirections());
    FormGrid grid = new FormGrid(vm)
        .section("Study")
        .row("Name", ObjectiveFormView.text("studyName", vm.field(DesignField.NAME), "my-study"),
            "The study's name in the database; running the spec again continues it.", "name")
        .row("Storage", ObjectiveFormView.text("storage", vm.field(DesignField.STORAGE), "sqlite:///studies.db"),
            "A SQLite file (relative to the spec file) or a database URL; Optuna opens it too.", "storage")
        .row("Objectives", directions, "One direction per value the objective returns; several make a"
            + " multi-objective study.", "directions");
    root = new ScrollPane(grid);
    root.setFitToWidth(true);
  }

  private void showDirections() {
    directions.getChildren().clear();
    List<StudyDirection> current = vm.directionsProperty().get();
    for (int i = 0; i < current.size(); i++) {
      int index = i;
      ChoiceBox<StudyDirection> box = new ChoiceBox<>();
      box.setId("direction" + i);
      box.getItems().setAll(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
      box.setValue(current.get(i));
      box.setConverter(new javafx.util.StringConverter<>() {
        @Override
        public String toString(StudyDirection d) {
          return d == null ? "" : d.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public StudyDirection fromString(String s) {
          return StudyDirection.parse(s);
        }
      });
      box.valueProperty().addListener((o, a, d) -> {
        List<StudyDirection> copy = new ArrayList<>(vm.directionsProperty().get());
        if (d != null && index < copy.size() && copy.get(index) != d) {
          copy.set(index, d);
          vm.directionsProperty().set(List.copyOf(copy));
        }
      });
      directions.getChildren().add(box);
    }
    Button add = new Button("+");
    add.setId("directionAdd");
    add.setOnAction(e -> {
      List<StudyDirection> copy = new ArrayList<>(vm.directionsProperty().get());
      copy.add(StudyDirection.MINIMIZE);
      vm.directionsProperty().set(List.copyOf(copy));
    });
    Button remove = new Button("−");
    remove.setId("directionRemove");
    remove.setDisable(current.size() <= 1);
    remove.setOnAction(e -> {
      List<StudyDirection> copy = new ArrayList<>(vm.directionsProperty().get());
      copy.remove(copy.size() - 1);
      vm.directionsProperty().set(List.copyOf(copy));
    });
    Label count = new Label(current.size() == 1 ? "single objective" : current.size() + " objectives");
    count.getStyleClass().add("form-hint");
    directions.getChildren().addAll(add, remove, count);
  }

  Node node() {
    return root;
  }
}
