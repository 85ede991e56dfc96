package org.tunelab.app;

import java.awt.geom.Ellipse2D;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.chart.ChartPalette;

/**
 * The optimization history chart: each completed trial's value as a point and the best value so far
 * as a step line drawn over the points, with a note when the chart shows less than the study has.
 * Studies selected with it in the study list are overlaid, one colour each. Zooming (drag, wheel)
 * re-thins the points to the visible window, so detail appears where 100,000 trials were thinned at
 * full view; "Log scale" switches the value axis to a logarithmic one. Binds to a
 * {@link StudyViewModel}; redraws on each new history and on theme changes.
 */
public final class HistoryChartView extends VBox {
  private final StudyViewModel study;
  private final ObjectProperty<Theme> theme;
  private final HistoryDatasets datasets = new HistoryDatasets();
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private final Label note = new Label();
  private final Label logNote = new Label();
  private final CheckBox log = new CheckBox("Log scale");
  private HistoryDatasets.Window window;
  private boolean updating;

  public HistoryChartView(StudyViewModel study, ObjectProperty<Theme> theme) {
    this.study = study;
    this.theme = theme;
    getStyleClass().add("history-chart");
    chart = createChart();
    viewer = new ChartViewer(chart);
    viewer.setId("historyChart");
    viewer.setMinSize(200, 160);
    VBox.setVgrow(viewer, Priority.ALWAYS);
    for (Label l : new Label[] {note, logNote}) {
      l.getStyleClass().add("chart-note");
      l.managedProperty().bind(l.textProperty().isNotEmpty());
      l.visibleProperty().bind(l.managedProperty());
    }
    note.textProperty().bind(study.historyNoteProperty());
    getChildren().addAll(header(), viewer, note, logNote);

    study.historyProperty().addListener((o, a, h) -> redraw());
    study.comparedHistoriesProperty().addListener((o, a, h) -> redraw());
    log.selectedProperty().addListener((o, a, b) -> switchValueAxis(b));
    listenToZoom();
    theme.addListener((o, a, t) -> {
      ChartStyler.apply(chart, t);
      colourSeries();
    });
    ChartStyler.apply(chart, theme.get());
    redraw();
  }

  private HBox header() {
    Label heading = new Label("Optimization history");
    heading.getStyleClass().add("chart-title");
    log.setId("historyLog");
    log.setMnemonicParsing(false);
    Button reset = new Button("Reset zoom");
    reset.setId("historyResetZoom");
    reset.setOnAction(e -> resetZoom());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8, heading, grow, log, reset);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private JFreeChart createChart() {
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    // trial 0 would otherwise sit on the value axis
    trials.setAutoRangeStickyZero(false);
    trials.setLowerMargin(0.02);
    trials.setUpperMargin(0.02);

    XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
    points.setAutoPopulateSeriesShape(false);
    points.setDefaultShape(new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    XYStepRenderer best = new XYStepRenderer();
    best.setDefaultShapesVisible(false);
    best.setAutoPopulateSeriesShape(false);

    XYPlot plot = new XYPlot(datasets.valueDataset(), trials, linearAxis("Objective value"), points);
    plot.setDataset(1, datasets.bestDataset());
    plot.setRenderer(1, best);
    // the best-so-far line over the points: under 100,000 dots it would be hidden
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setDomainPannable(true);
    plot.setRangePannable(true);
    JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    LegendTitle legend = c.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 18));
    return c;
  }

  private static NumberAxis linearAxis(String label) {
    NumberAxis values = new NumberAxis(label);
    values.setAutoRangeIncludesZero(false);
    // room below the best value, so the best-so-far line does not sit on the axis
    values.setLowerMargin(0.06);
    values.setAutoRangeStickyZero(false);
    return values;
  }

  private void listenToZoom() {
    XYPlot plot = chart.getXYPlot();
    plot.getDomainAxis().addChangeListener(e -> zoomed());
    plot.getRangeAxis().addChangeListener(e -> zoomed());
  }

  /** An axis changed: when the visible window moved, the points are thinned again for it. */
  private void zoomed() {
    if (updating) return;
    HistoryDatasets.Window w = visibleWindow();
    if (java.util.Objects.equals(w, window)) return;
    window = w;
    redraw();
  }

  /** The zoomed window, or {@code null} at full view; an axis at auto range is unbounded. */
  private HistoryDatasets.Window visibleWindow() {
    ValueAxis x = chart.getXYPlot().getDomainAxis();
    ValueAxis y = chart.getXYPlot().getRangeAxis();
    if (x.isAutoRange() && y.isAutoRange()) return null;
    double inf = Double.POSITIVE_INFINITY;
    return new HistoryDatasets.Window(x.isAutoRange() ? -inf : x.getLowerBound(), x.isAutoRange() ? inf : x.getUpperBound(),
        y.isAutoRange() ? -inf : y.getLowerBound(), y.isAutoRange() ? inf : y.getUpperBound());
  }

  private void resetZoom() {
    updating = true;
    try {
      chart.getXYPlot().getDomainAxis().setAutoRange(true);
      chart.getXYPlot().getRangeAxis().setAutoRange(true);
    } finally {
      updating = false;
    }
    window = null;
    redraw();
  }

  private void switchValueAxis(boolean logarithmic) {
    String label = chart.getXYPlot().getRangeAxis().getLabel();
    ValueAxis axis;
    if (logarithmic) {
      LogAxis l = LogScale.logAxis(label);
      l.setLowerMargin(0.06);
      axis = l;
    } else {
      axis = linearAxis(label);
    }
    updating = true;
    try {
      chart.getXYPlot().setRangeAxis(axis);
    } finally {
      updating = false;
    }
    axis.addChangeListener(e -> zoomed());
    ChartStyler.apply(chart, theme.get());
    window = visibleWindow();
    redraw();
  }

  private void redraw() {
    OptimizationHistory history = study.historyProperty().get();
    Map<String, OptimizationHistory> compared = study.comparedHistoriesProperty().get();
    updating = true;
    chart.setNotify(false);
    try {
      datasets.update(study.nameProperty().get(), history, compared, window, log.isSelected());
      String label = "Objective value";
      if (history.objectiveCount() > 1) label = "Objective " + history.objective();
      chart.getXYPlot().getRangeAxis().setLabel(label);
      colourSeries();
    } finally {
      chart.setNotify(true);
      updating = false;
    }
    int left = datasets.leftOutForLog();
    logNote.setText(left == 0 ? "" : left + (left == 1 ? " value" : " values") + " at or below 0 not shown on the log scale.");
  }

  /** The shown study in the theme's point and best colours, compared studies in the series colours. */
  private void colourSeries() {
    XYPlot plot = chart.getXYPlot();
    ChartStyler.Palette p = ChartStyler.palette(theme.get());
    ChartPalette series = theme.get() == Theme.DARK ? ChartPalette.DARK : ChartPalette.LIGHT;
    int n = datasets.valueDataset().getSeriesCount();
    double size = datasets.pointCount() > 5000 ? 4 : 7;
    ((XYLineAndShapeRenderer) plot.getRenderer(0)).setDefaultShape(new Ellipse2D.Double(-size / 2, -size / 2, size, size));
    for (int s = 1; s < n; s++) {
      plot.getRenderer(0).setSeriesPaint(s, ChartPalette.withAlpha(series.series(s), 170));
      plot.getRenderer(1).setSeriesPaint(s, series.series(s).darker());
      plot.getRenderer(1).setSeriesStroke(s, new java.awt.BasicStroke(2f));
    }
    plot.getRenderer(0).setSeriesPaint(0, ChartPalette.withAlpha(p.points(), 190));
    // alone, the best line is the theme's accent; compared, each line takes its study's colour
    plot.getRenderer(1).setSeriesPaint(0, n > 1 ? p.points().darker() : p.best());
  }

  /** How many trial values the chart draws; for tests. */
  public int pointCount() {
    return datasets.pointCount();
  }

  /** Whether the value axis is logarithmic. */
  public boolean isLogScale() {
    return chart.getXYPlot().getRangeAxis() instanceof LogAxis;
  }

  /** How many series of points the chart draws: the shown study and each compared one; for tests. */
  int seriesCount() {
    return datasets.valueDataset().getSeriesCount();
  }

  ChartViewer viewer() {
    return viewer;
  }

  JFreeChart chart() {
    return chart;
  }
}
