package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tunelab.chart.PlotKind;
import org.tunelab.trial.TrialState;

/** The study view headless: each plot tab draws from the fixture, the filters narrow the table. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class StudyViewGuiTest {
  @TempDir Path dir;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = GuiTestSupport.showWindow(stage, dir, executor);
  }

  @AfterEach
  void closeWindow(FxRobot robot) {
    robot.interact(() -> window.stage().close());
    executor.shutdown();
  }

  private void open(FxRobot robot, String fixture) throws Exception {
    Path db = GuiTestSupport.fixture(fixture, dir);
    robot.interact(() -> window.viewModel().open(db.toString()));
    GuiTestSupport.waitUntil(robot, () -> !window.trialTable().getItems().isEmpty());
  }

  @Test
  void eachPlotTabDrawsTheStudy(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    for (PlotKind kind : List.of(PlotKind.IMPORTANCE, PlotKind.SLICE, PlotKind.CONTOUR, PlotKind.PARALLEL,
        PlotKind.INTERMEDIATE, PlotKind.EDF, PlotKind.TIMELINE, PlotKind.RANK)) {
      robot.interact(() -> window.plots().select(kind));
      PlotPane pane = window.plots().pane(kind);
      GuiTestSupport.waitUntil(robot, () -> pane.figure() != null && pane.viewer().getChart() != null);
      assertEquals("", pane.message(), kind.toString());
      assertTrue(pane.figure().panels().contains(pane.viewer().getChart()), kind.toString());
    }
  }

  @Test
  void paretoTabIsOnlyForMultiObjectiveStudiesAndDrawsTheFront(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/multi_objective.db");
    assertTrue(!robot.lookup("#tab-pareto").tryQuery().isPresent() || !window.plots().getTabs().stream()
        .filter(t -> t.getId().equals("tab-pareto")).findFirst().orElseThrow().isDisable());
    robot.interact(() -> window.plots().select(PlotKind.PARETO));
    PlotPane pane = window.plots().pane(PlotKind.PARETO);
    GuiTestSupport.waitUntil(robot, () -> pane.viewer().getChart() != null);
    assertEquals(2, pane.figure().panels().size(), "front and hypervolume history");
  }

  @Test
  void choosingContourParametersRedrawsThatPair(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    robot.interact(() -> window.plots().select(PlotKind.CONTOUR));
    PlotPane pane = window.plots().pane(PlotKind.CONTOUR);
    GuiTestSupport.waitUntil(robot, () -> pane.viewer().getChart() != null);
    robot.interact(() -> {
      robot.lookup("#x-contour").queryComboBox().setValue("lr");
      robot.lookup("#y-contour").queryComboBox().setValue("momentum");
    });
    GuiTestSupport.waitUntil(robot, () -> pane.viewer().getChart() != null
        && "lr × momentum".equals(pane.viewer().getChart().getTitle().getText()));
  }

  @Test
  void searchAndStateFilterNarrowTheTable(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    assertEquals(32, window.trialTable().getItems().size());
    robot.interact(() -> window.viewModel().study().filterProperty().set(
        TrialFilter.ALL.withStates(java.util.EnumSet.of(TrialState.COMPLETE))));
    assertEquals(24, window.trialTable().getItems().size());
    assertEquals("24 of 32 shown", robot.lookup("#shownCount").queryLabeled().getText());
    robot.interact(() -> window.viewModel().study().filterProperty().set(TrialFilter.ALL));
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    TextField search = robot.lookup("#trialSearch").queryAs(TextField.class);
    GuiTestSupport.waitUntil(robot, search::isFocused);
    robot.write("rmsprop");
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().stream()
        .allMatch(r -> "rmsprop".equals(r.params().get("optimizer"))));
    assertTrue(window.trialTable().getItems().size() > 0 && window.trialTable().getItems().size() < 32);
  }

  @Test
  void parameterRangeKeepsTrialsInsideIt(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    robot.interact(() -> window.viewModel().study().filterProperty().set(TrialFilter.ALL.withRange("x", -1, 1)));
    List<Double> xs = window.trialTable().getItems().stream().map(r -> ((Number) r.params().get("x")).doubleValue()).toList();
    assertTrue(!xs.isEmpty() && xs.stream().allMatch(v -> v >= -1 && v <= 1), xs.toString());
  }

  @Test
  void clickingAPointSelectsItsTrialInTheTable(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    robot.interact(() -> window.trialTable().selectTrial(17));
    assertEquals(17, window.trialTable().getSelectionModel().getSelectedItem().number());
  }

  @Test
  void selectingSeveralStudiesOverlaysTheirHistories(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/multi_study.db");
    javafx.scene.control.ListView<?> list = robot.lookup("#studyList").queryListView();
    GuiTestSupport.waitUntil(robot, () -> list.getItems().size() == 5);
    robot.interact(() -> list.getSelectionModel().clearAndSelect(0)); // alpha, 12 trials
    GuiTestSupport.waitUntil(robot, () -> window.historyChart().seriesCount() == 1 && window.historyChart().pointCount() == 12);
    robot.interact(() -> list.getSelectionModel().selectIndices(0, 1)); // alpha and beta
    GuiTestSupport.waitUntil(robot, () -> window.historyChart().seriesCount() == 2);
    assertEquals(24, window.historyChart().pointCount(), "beta's 12 trials drawn over alpha's");
    robot.interact(() -> list.getSelectionModel().clearAndSelect(1));
    GuiTestSupport.waitUntil(robot, () -> window.historyChart().seriesCount() == 1);
  }

  @Test
  void intermediatePlotSwitchesToALogValueAxisAndBack(FxRobot robot) throws Exception {
    open(robot, "optuna-3.1/single.db");
    robot.interact(() -> window.plots().select(PlotKind.INTERMEDIATE));
    PlotPane pane = window.plots().pane(PlotKind.INTERMEDIATE);
    GuiTestSupport.waitUntil(robot, () -> pane.figure() != null && pane.viewer().getChart() != null);
    assertTrue(!pane.isLogScale());
    robot.clickOn("#log-intermediate");
    assertTrue(pane.isLogScale());
    robot.clickOn("#log-intermediate");
    assertTrue(!pane.isLogScale());
  }
}
