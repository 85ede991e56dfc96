package org.tunelab.app;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.tunelab.analysis.importance.FanovaEvaluator;
import org.tunelab.chart.ChartPalette;
import org.tunelab.chart.Figure;
import org.tunelab.chart.PlotKind;
import org.tunelab.chart.StudyFigures;
import org.tunelab.chart.StudyTrials;
import org.tunelab.trial.FrozenTrial;

/**
 * One plot tab: a toolbar (objective, parameters, panel, reset zoom, export) over a chart. The figure
 * is computed on a background thread whenever the study, the options or the theme change and the
 * tab is showing; a zoomed chart keeps its zoom across live updates.
 */
final class PlotPane extends BorderPane {
  private final PlotKind kind;
  private final ReadOnlyObjectProperty<StudyTrials> input;
  private final ObjectProperty<Theme> theme;
  private final ChartViewer viewer = new ChartViewer(null);
  private final ComboBox<String> objective = new ComboBox<>();
  private final ComboBox<String> x = new ComboBox<>();
  private final ComboBox<String> y = new ComboBox<>();
  private final ComboBox<String> panel = new ComboBox<>();
  private final javafx.scene.control.CheckBox log = new javafx.scene.control.CheckBox("Log scale");
  private final Label message = new Label();
  private final BackgroundRefresher<Shown> refresher;
  private final PlotExporter exporter;
  private boolean showing;
  private boolean stale = true;
  private Figure figure;
  private boolean updatingControls;
  private Map<Integer, FrozenTrial> trials = Map.of();

  /** A computed figure with the trials it shows, by number, for tooltips. */
  private record Shown(Figure figure, Map<Integer, FrozenTrial> trials) {}

  PlotPane(PlotKind kind, ReadOnlyObjectProperty<StudyTrials> input, ObjectProperty<Theme> theme, TaskExecutor executor,
      DialogService dialogs, IntConsumer selectTrial) {
    this.kind = kind;
    this.input = input;
    this.theme = theme;
    setId("plot-" + kind.cliName());
    getStyleClass().add("plot-pane");
    viewer.setId("chart-" + kind.cliName());
    viewer.setMinSize(200, 160);
    ChartInteraction.onTrialClicked(viewer, selectTrial);
    refresher = new BackgroundRefresher<>(executor, this::show, this::failed);
    exporter = new PlotExporter(executor, dialogs);
    setTop(toolbar());
    setCenter(viewer);
    message.getStyleClass().add("plot-message");
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());
    setBottom(message);
    input.addListener((o, a, b) -> invalidate(a == null || b == null || !a.name().equals(b.name())));
    theme.addListener((o, a, b) -> invalidate(false));
  }

  private HBox toolbar() {
    objective.setId("objective-" + kind.cliName());
    x.setId("x-" + kind.cliName());
    y.setId("y-" + kind.cliName());
    panel.setId("panel-" + kind.cliName());
    // No choice means every parameter (or pair), one panel each, picked in the panel chooser.
    x.setPromptText("all");
    y.setPromptText("all");
    panel.setPromptText("panel");
    for (ComboBox<String> c : List.of(objective, x, y, panel)) {
      c.valueProperty().addListener((o, a, b) -> {
        if (!updatingControls) invalidate(false);
      });
    }
    panel.valueProperty().addListener((o, a, b) -> {
      if (!updatingControls && figure != null) showPanel();
    });
    Button reset = new Button("Reset zoom");
    reset.setOnAction(e -> {
      if (viewer.getChart() != null && viewer.getChart().getPlot() instanceof XYPlot p) {
        p.getDomainAxis().setAutoRange(true);
        p.getRangeAxis().setAutoRange(true);
      }
    });
    Button export = new Button("Export…");
    export.setId("export-" + kind.cliName());
    export.setOnAction(e -> {
      if (figure != null) exporter.export(figure, input.get() == null ? "plot" : input.get().name() + "-" + kind.cliName());
    });
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8);
    bar.getStyleClass().add("plot-toolbar");
    bar.setAlignment(Pos.CENTER_LEFT);
    objective.setVisible(false);
    objective.managedProperty().bind(objective.visibleProperty());
    panel.managedProperty().bind(panel.visibleProperty());
    panel.setVisible(false);
    bar.getChildren().add(objective);
    int choosers = PlotOptions.paramChoosers(kind);
    if (choosers >= 1) bar.getChildren().addAll(new Label(choosers == 1 ? "Parameter" : "x"), x);
    if (choosers == 2) bar.getChildren().addAll(new Label("y"), y);
    bar.getChildren().addAll(panel, grow);
    if (hasLogToggle(kind)) {
      log.setId("log-" + kind.cliName());
      log.setMnemonicParsing(false);
      log.selectedProperty().addListener((o, a, b) -> {
        if (figure != null) showPanel();
      });
      bar.getChildren().add(log);
    }
    bar.getChildren().addAll(reset, export);
    return bar;
  }

  /** The plots whose vertical axis is an objective or intermediate value, which may span decades. */
  static boolean hasLogToggle(PlotKind kind) {
    return kind == PlotKind.INTERMEDIATE || kind == PlotKind.SLICE;
  }

  /** Called when the tab is shown or hidden: only a showing tab computes. */
  void setShowing(boolean value) {
    showing = value;
    if (showing && stale) recompute();
  }

  private void invalidate(boolean studyChanged) {
    if (studyChanged) {
      updatingControls = true;
      x.setValue(null);
      y.setValue(null);
      updatingControls = false;
    }
    stale = true;
    if (showing) recompute();
  }

  private void recompute() {
    StudyTrials s = input.get();
    stale = false;
    if (s == null) {
      refresher.cancel();
      figure = null;
      if (viewer.getChart() != null) viewer.setChart(org.tunelab.chart.Placeholder.chart("", palette()));
      return;
    }
    syncControls(s);
    PlotOptions options = new PlotOptions(Math.max(0, objective.getSelectionModel().getSelectedIndex()), x.getValue(),
        y.getValue(), 0, false);
    ChartPalette palette = palette();
    LocalDateTime now = LocalDateTime.now();
    refresher.request(() -> {
      Figure f = StudyFigures.figure(kind, List.of(s), options.objective(), options.params(kind), new FanovaEvaluator(0),
          palette, now);
      Map<Integer, FrozenTrial> byNumber = new HashMap<>();
      for (FrozenTrial t : s.trials()) byNumber.put(t.number(), t);
      return new Shown(f, byNumber);
    });
  }

  /** Objective and parameter choices follow the study; the user's picks stay while they exist. */
  private void syncControls(StudyTrials s) {
    updatingControls = true;
    try {
      List<String> objectives = new ArrayList<>();
      for (int k = 0; k < s.directions().size(); k++) objectives.add("Objective " + k + " (" + s.directions().get(k).name().toLowerCase(java.util.Locale.ROOT) + ")");
      if (!objective.getItems().equals(objectives)) {
        int keep = Math.max(0, objective.getSelectionModel().getSelectedIndex());
        objective.getItems().setAll(objectives);
        objective.getSelectionModel().select(Math.min(keep, objectives.size() - 1));
      }
      objective.setVisible(objectives.size() > 1 && kind != PlotKind.PARETO && kind != PlotKind.TIMELINE && kind != PlotKind.INTERMEDIATE);
      List<String> params = org.tunelab.analysis.ParamAxis.paramNames(s.trials());
      for (ComboBox<String> c : List.of(x, y)) {
        if (!c.getItems().equals(params)) {
          String keep = c.getValue();
          c.getItems().setAll(params);
          c.setValue(keep != null && params.contains(keep) ? keep : null);
        }
      }
    } finally {
      updatingControls = false;
    }
  }

  private void show(Shown shown) {
    figure = shown.figure();
    message.setText("");
    updatingControls = true;
    List<String> titles = new ArrayList<>();
    for (int k = 0; k < figure.panels().size(); k++) {
      JFreeChart c = figure.panels().get(k);
      titles.add(c.getTitle() != null && !c.getTitle().getText().isEmpty() ? c.getTitle().getText() : "Panel " + (k + 1));
    }
    int keep = Math.max(0, panel.getSelectionModel().getSelectedIndex());
    if (!panel.getItems().equals(titles)) panel.getItems().setAll(titles);
    panel.getSelectionModel().select(Math.min(keep, titles.size() - 1));
    panel.setVisible(titles.size() > 1);
    updatingControls = false;
    trials = shown.trials();
    showPanel();
  }

  private void showPanel() {
    JFreeChart next = figure.panels().get(Math.max(0, panel.getSelectionModel().getSelectedIndex()));
    JFreeChart previous = viewer.getChart();
    if (hasLogToggle(kind)) LogScale.set(next, log.isSelected());
    ZoomState.carryOver(previous, next);
    ChartInteraction.prepare(viewer, next, trials);
    viewer.setChart(next);
  }

  private ChartPalette palette() {
    return theme.get() == Theme.DARK ? ChartPalette.DARK : ChartPalette.LIGHT;
  }

  private void failed(Throwable e) {
    figure = null;
    viewer.setChart(org.tunelab.chart.Placeholder.chart("", palette()));
    message.setText("Cannot draw " + kind.title().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
  }

  ChartViewer viewer() {
    return viewer;
  }

  PlotKind kind() {
    return kind;
  }

  /** The figure on show, or {@code null}; for tests. */
  Figure figure() {
    return figure;
  }

  /** Whether the shown chart's value axis is logarithmic; for tests. */
  boolean isLogScale() {
    return viewer.getChart() != null && viewer.getChart().getPlot() instanceof XYPlot p
        && p.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis;
  }

  /** Why nothing is drawn, or empty. */
  String message() {
    return message.getText();
  }
}
