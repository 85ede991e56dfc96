package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.storage.StudySummary;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** The history chart headless on a 50,000-trial study: zoom re-thinning, the log scale, overlaid studies. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class HistoryChartGuiTest {
  private static final int TRIALS = 50_000;
  private final StudyViewModel study = new StudyViewModel();
  private HistoryChartView view;

  @Start
  void start(Stage stage) {
    view = new HistoryChartView(study, new SimpleObjectProperty<>(Theme.LIGHT));
    stage.setScene(new Scene(view, 900, 600));
    stage.show();
  }

  /** Values from -1 upwards, so a log scale has some to leave out. */
  private static List<FrozenTrial> trials(int n, double offset) {
    List<FrozenTrial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double v = offset + Math.abs(Math.sin(i * 0.37)) * 100 / (1 + i * 0.001) - 1;
      out.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of(v), null, null, Map.of(), Map.of(), Map.of(), Map.of(),
          null));
    }
    return out;
  }

  private static StudySnapshot snapshot(String name, List<FrozenTrial> trials, Map<String, OptimizationHistory> compared) {
    List<StudyDirection> dirs = List.of(StudyDirection.MINIMIZE);
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    counts.put(TrialState.COMPLETE, trials.size());
    return new StudySnapshot(1, name, dirs, List.of(), List.of(), trials.stream().map(TrialRow::of).toList(),
        OptimizationHistory.of(trials, dirs, 0), counts, trials, "", compared);
  }

  private long drawnBetween(double x0, double x1) {
    var d = view.chart().getXYPlot().getDataset(0);
    long n = 0;
    for (int i = 0; i < d.getItemCount(0); i++) if (d.getXValue(0, i) >= x0 && d.getXValue(0, i) <= x1) n++;
    return n;
  }

  @Test
  void zoomingRedrawsTheVisibleTrialsThatFullViewThinnedOut(FxRobot robot) {
    robot.interact(() -> study.apply(snapshot("big", trials(TRIALS, 0), Map.of())));
    int full = view.pointCount();
    assertTrue(full < TRIALS, "thinned at full view: " + full);
    long before = drawnBetween(20_000, 21_000);
    robot.interact(() -> view.chart().getXYPlot().getDomainAxis().setRange(20_000, 21_000));
    assertEquals(1001, drawnBetween(20_000, 21_000), "every trial of the window once zoomed (" + before + " before)");
    assertTrue(before < 1001);
    assertEquals(1001, view.pointCount(), "only the window is drawn");
    robot.clickOn("#historyResetZoom");
    assertEquals(full, view.pointCount(), "reset zoom thins the whole history again");
  }

  @Test
  void logScaleSwitchesTheValueAxisAndLeavesOutValuesAtOrBelowZero(FxRobot robot) {
    List<FrozenTrial> trials = trials(2000, 0);
    long positive = trials.stream().filter(t -> t.values().get(0) > 0).count();
    robot.interact(() -> study.apply(snapshot("small", trials, Map.of())));
    assertFalse(view.isLogScale());
    assertEquals(2000, view.pointCount());
    robot.clickOn("#historyLog");
    assertTrue(view.isLogScale());
    assertEquals(positive, view.pointCount());
    assertTrue(positive < 2000, "the fixture has values at or below 0");
    robot.clickOn("#historyLog");
    assertFalse(view.isLogScale());
    assertEquals(2000, view.pointCount());
  }

  @Test
  void comparedStudiesAreOverlaidAndTheBestLineIsDrawnOverThePoints(FxRobot robot) {
    List<FrozenTrial> other = trials(300, 5);
    Map<String, OptimizationHistory> compared = Map.of("other", OptimizationHistory.of(other, List.of(StudyDirection.MINIMIZE), 0));
    robot.interact(() -> study.apply(snapshot("main", trials(200, 0), compared)));
    assertEquals(2, view.seriesCount());
    assertEquals(500, view.pointCount());
    assertEquals("main", view.chart().getXYPlot().getDataset(0).getSeriesKey(0));
    assertEquals("other", view.chart().getXYPlot().getDataset(0).getSeriesKey(1));
    assertEquals(DatasetRenderingOrder.FORWARD, view.chart().getXYPlot().getDatasetRenderingOrder(),
        "dataset 1 (best so far) is drawn after the points");
    robot.interact(() -> study.apply(snapshot("main", trials(200, 0), Map.of())));
    assertEquals(1, view.seriesCount());
  }
}
