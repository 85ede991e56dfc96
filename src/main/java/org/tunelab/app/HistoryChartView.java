package org.tunelab.app;

import java.awt.geom.Ellipse2D;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.tunelab.analysis.OptimizationHistory;

/**
 * The optimization history chart: each completed trial's value as a point and the best value so far
 * as a step line, with a note when the chart shows less than the study has. Binds to a
 * {@link StudyViewModel}; redraws on each new history and on theme changes.
 */
public final class HistoryChartView extends VBox {
  private final HistoryDatasets datasets = new HistoryDatasets();
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private final Label note = new Label();

  public HistoryChartView(StudyViewModel study, ObjectProperty<Theme> theme) {
    getStyleClass().add("history-chart");
    chart = createChart();
    viewer = new ChartViewer(chart);
    viewer.setId("historyChart");
    viewer.setMinSize(200, 160);
    VBox.setVgrow(viewer, Priority.ALWAYS);
    note.getStyleClass().add("chart-note");
    note.textProperty().bind(study.historyNoteProperty());
    note.managedProperty().bind(note.textProperty().isNotEmpty());
    note.visibleProperty().bind(note.managedProperty());
    Label heading = new Label("Optimization history");
    heading.getStyleClass().add("chart-title");
    getChildren().addAll(heading, viewer, note);

    study.historyProperty().addListener((o, a, h) -> show(h));
    show(study.historyProperty().get());
    theme.addListener((o, a, t) -> ChartStyler.apply(chart, t));
    ChartStyler.apply(chart, theme.get());
  }

  private JFreeChart createChart() {
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    // trial 0 would otherwise sit on the value axis
    trials.setAutoRangeStickyZero(false);
    trials.setLowerMargin(0.02);
    trials.setUpperMargin(0.02);
    NumberAxis values = new NumberAxis("Objective value");
    values.setAutoRangeIncludesZero(false);
    // room below the best value, so the best-so-far line does not sit on the axis
    values.setLowerMargin(0.06);
    values.setAutoRangeStickyZero(false);

    XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
    points.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    XYStepRenderer best = new XYStepRenderer();
    best.setSeriesShapesVisible(0, false);

    XYPlot plot = new XYPlot(datasets.valueDataset(), trials, values, points);
    plot.setDataset(1, datasets.bestDataset());
    plot.setRenderer(1, best);
    plot.setOrientation(PlotOrientation.VERTICAL);
    JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    LegendTitle legend = c.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 18));
    return c;
  }

  private void show(OptimizationHistory history) {
    datasets.update(history);
    String label = "Objective value";
    if (history.objectiveCount() > 1) label = "Objective " + history.objective();
    chart.getXYPlot().getRangeAxis().setLabel(label);
  }

  /** How many trial values the chart draws; for tests. */
  public int pointCount() {
    return datasets.pointCount();
  }

  ChartViewer viewer() {
    return viewer;
  }
}
