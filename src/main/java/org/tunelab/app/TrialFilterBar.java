package org.tunelab.app;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tunelab.trial.TrialState;

/**
 * Above the trials table: which states to show, a search field (Ctrl+F), a parameter range, how
 * many trials are shown, and Export CSV. Edits become a new {@link TrialFilter} on the study view
 * model; the table filters itself.
 */
final class TrialFilterBar extends HBox {
  private final StudyViewModel study;
  private final MenuButton states = new MenuButton("States");
  private final TextField search = new TextField();
  private final ComboBox<String> param = new ComboBox<>();
  private final TextField min = new TextField();
  private final TextField max = new TextField();

  TrialFilterBar(StudyViewModel study, Runnable exportCsv) {
    super(8);
    this.study = study;
    getStyleClass().add("filter-bar");
    setAlignment(Pos.CENTER_LEFT);
    states.setId("stateFilter");
    for (TrialState s : TrialState.values()) {
      CheckMenuItem item = new CheckMenuItem(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
      item.setSelected(true);
      item.setUserData(s);
      item.selectedProperty().addListener((o, a, b) -> apply());
      states.getItems().add(item);
    }
    search.setId("trialSearch");
    search.setPromptText("Search trials (Ctrl+F)");
    search.setPrefColumnCount(16);
    search.textProperty().addListener((o, a, b) -> apply());
    param.setId("rangeParam");
    param.setPromptText("Parameter range");
    param.setItems(study.paramNames());
    param.valueProperty().addListener((o, a, b) -> apply());
    study.paramNames().addListener((ListChangeListener<String>) c -> {
      if (param.getValue() != null && !study.paramNames().contains(param.getValue())) param.setValue(null);
    });
    for (TextField f : new TextField[] {min, max}) {
      f.setPrefColumnCount(6);
      f.textProperty().addListener((o, a, b) -> apply());
    }
    min.setId("rangeMin");
    max.setId("rangeMax");
    min.setPromptText("min");
    max.setPromptText("max");
    Button clear = new Button("Clear");
    clear.setOnAction(e -> clear());
    Label shown = new Label();
    shown.setId("shownCount");
    shown.getStyleClass().add("study-counts");
    shown.textProperty().bind(Bindings.createStringBinding(() -> study.filteredRows().size() == study.rows().size()
        ? "" : study.filteredRows().size() + " of " + study.rows().size() + " shown", study.filteredRows(), study.rows()));
    Button export = new Button("Export CSV…");
    export.setId("exportCsv");
    export.setOnAction(e -> exportCsv.run());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    getChildren().addAll(states, search, param, min, new Label("–"), max, clear, shown, grow, export);
  }

  /** Puts the caret in the search field (Ctrl+F). */
  void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  private void clear() {
    states.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(true));
    search.clear();
    param.setValue(null);
    min.clear();
    max.clear();
  }

  private void apply() {
    Set<TrialState> chosen = EnumSet.noneOf(TrialState.class);
    states.getItems().forEach(i -> {
      if (((CheckMenuItem) i).isSelected()) chosen.add((TrialState) i.getUserData());
    });
    double lo = number(min);
    double hi = number(max);
    String p = param.getValue();
    study.filterProperty().set(new TrialFilter(chosen, p, lo, hi, search.getText()));
  }

  /** The field's number, or NaN when empty; a field that does not parse is marked and ignored. */
  private static double number(TextField f) {
    String t = f.getText().trim();
    f.getStyleClass().remove("invalid");
    if (t.isEmpty()) return Double.NaN;
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      f.getStyleClass().add("invalid");
      return Double.NaN;
    }
  }
}
