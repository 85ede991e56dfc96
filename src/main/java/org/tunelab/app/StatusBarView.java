package org.tunelab.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bottom line: the open database, the selected study's trial counts, the demo's progress, and the live indicator. */
public final class StatusBarView extends HBox {

  public StatusBarView(MainViewModel viewModel) {
    setId("statusBar");
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(16);

    Label database = new Label();
    database.setId("statusDatabase");
    database.textProperty().bind(Bindings.createStringBinding(
        () -> viewModel.databaseProperty().get() == null ? "No database open" : viewModel.databaseProperty().get().display(),
        viewModel.databaseProperty()));
    database.setMinWidth(120);
    Label counts = new Label();
    counts.setId("statusCounts");
    counts.textProperty().bind(viewModel.study().countsTextProperty());
    Label demo = new Label();
    demo.setId("statusDemo");
    demo.getStyleClass().add("status-demo");
    demo.textProperty().bind(viewModel.demo().statusProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Circle dot = new Circle(5);
    dot.getStyleClass().add("live-dot");
    Label live = new Label();
    live.setId("statusLive");
    live.setGraphic(dot);
    live.getStyleClass().add("live-indicator");
    Tooltip tip = new Tooltip();
    live.setTooltip(tip);
    viewModel.liveProperty().addListener((o, a, s) -> showLive(live, tip, s, viewModel.problemProperty().get()));
    viewModel.problemProperty().addListener((o, a, p) -> showLive(live, tip, viewModel.liveProperty().get(), p));
    showLive(live, tip, viewModel.liveProperty().get(), "");

    getChildren().addAll(database, counts, demo, spacer, live);
  }

  private static void showLive(Label live, Tooltip tip, LiveState state, String problem) {
    live.getStyleClass().removeIf(s -> s.startsWith("live-state-"));
    live.getStyleClass().add("live-state-" + state.name().toLowerCase(java.util.Locale.ROOT));
    switch (state) {
      case LIVE -> {
        live.setText("Live");
        tip.setText("Changes to the database show within a second");
      }
      case OPENING -> {
        live.setText("Opening…");
        tip.setText("Reading the database");
      }
      case FAILED -> {
        live.setText("Not updating");
        tip.setText(problem);
      }
      default -> {
        live.setText("Offline");
        tip.setText("No database open");
      }
    }
  }
}
