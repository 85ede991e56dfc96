package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tunelab.app.run.CloseGuard;
import org.tunelab.app.run.RunLauncher;
import org.tunelab.app.run.RunOverview;
import org.tunelab.run.StudyControl;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Running a spec from the window, headless: a real {@code tunelab run} process with a shell-script
 * objective, steered from the run panel; and what closing the window does while it runs.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunPanelGuiTest {
  @TempDir Path dir;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private final RecordingDialogService dialogs = new RecordingDialogService();
  private MainWindow window;
  private RunLauncher launcher;

  @Start
  void start(Stage stage) {
    window = GuiTestSupport.showWindow(stage, dir, executor, dialogs);
    launcher = window.runLauncher();
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    for (RunLauncher.Launched l : running(robot)) {
      // its trials first: a run killed alone leaves them waiting for a go file that never comes
      ProcessHandle.of(l.run().pid()).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
      l.run().onExit().get(30, TimeUnit.SECONDS);
    }
    robot.interact(() -> window.stage().hide());
    executor.shutdown();
  }

  private List<RunLauncher.Launched> running(FxRobot robot) {
    @SuppressWarnings("unchecked")
    List<RunLauncher.Launched>[] out = new List[1];
    robot.interact(() -> out[0] = launcher.running());
    return out[0];
  }

  /** A spec whose trials print a line, wait for the file {@code go} when asked to, and print their value. */
  private Path spec(int trials, boolean waitForGo) throws Exception {
    Files.writeString(dir.resolve("trial.sh"), "echo \"trial $TUNELAB_TRIAL_NUMBER starts with x=$1\"\n"
        + (waitForGo ? "while [ ! -f '" + dir.resolve("go") + "' ]; do sleep 0.05; done\n" : "") + "echo $1\n");
    assertFalse(Files.exists(dir.resolve("go")), "a fresh directory has no go file");
    return Files.writeString(dir.resolve("study.yaml"), """
        name: gui-run
        storage: sqlite:///gui.db
        directions: [minimize]
        sampler: {type: random, seed: 7}
        space:
          x: {type: float, low: 0, high: 1}
        objective:
          command: "sh trial.sh {x}"
        executors: [{type: local, slots: 1}]
        trials: %d
        """.formatted(trials));
  }

  private List<FrozenTrial> storedTrials() {
    try (SqliteStorage s = SqliteStorage.open(dir.resolve("gui.db"))) {
      return s.trials(s.studyId("gui-run"));
    }
  }

  private String readOutput() {
    try {
      return Files.readString(dir.resolve("gui.db-logs/gui-run/run.out"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private StudyControl storedControl() {
    try (SqliteStorage s = SqliteStorage.open(dir.resolve("gui.db"))) {
      return StudyControl.read(s, s.studyId("gui-run"));
    }
  }

  private RunOverview overview() {
    return window.run().panel().overviewProperty().get();
  }

  /** A node of this test's window (lookups over all windows could find a stale one). */
  private javafx.scene.Node node(FxRobot robot, String query) {
    return robot.from(window.stage().getScene().getRoot()).lookup(query).query();
  }

  private void launchFromTheMenu(FxRobot robot, Path spec) {
    dialogs.nextOpenedFile = spec;
    robot.clickOn("File").clickOn("#menuFileRunSpec");
  }

  @Test
  void aSpecRunFromTheMenuRunsToAFinishedStudyShownInTheTable(FxRobot robot) throws Exception {
    launchFromTheMenu(robot, spec(4, false));
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 4
        && window.trialTable().getItems().stream().allMatch(r -> r.state() == TrialState.COMPLETE));
    GuiTestSupport.waitUntil(robot, () -> overview() != null && overview().state() == RunOverview.RunState.ENDED);
    assertEquals("gui-run", robot.from(window.stage().getScene().getRoot()).lookup("#studyTitle").queryLabeled().getText());
    assertEquals("Ended: trial budget used", robot.from(window.stage().getScene().getRoot()).lookup("#runState").queryLabeled().getText());
    assertEquals("4 of 4 trials", robot.from(window.stage().getScene().getRoot()).lookup("#runProgressText").queryLabeled().getText());
    assertEquals(List.of(), dialogs.errors());
  }

  @Test
  void theDesignersRunButtonSavesTheSpecAndRunsItToAFinishedStudy(FxRobot robot) throws Exception {
    dialogs.nextOpenedFile = spec(3, false);
    robot.clickOn("File").clickOn("#menuOpenSpec");
    GuiTestSupport.waitUntil(robot, () -> robot.lookup("#designerRun").tryQuery()
        .map(n -> !n.isDisabled()).orElse(false));
    robot.clickOn(robot.lookup("#designerRun").<javafx.scene.Node>query());
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 3
        && window.trialTable().getItems().stream().allMatch(r -> r.state() == TrialState.COMPLETE));
    assertEquals("gui-run", robot.from(window.stage().getScene().getRoot()).lookup("#studyTitle").queryLabeled().getText());
    assertEquals(List.of(), dialogs.errors());
  }

  @Test
  void editedParametersOfAnyTrialAreCheckedAndEnqueued(FxRobot robot) throws Exception {
    Path spec = spec(2, false);
    robot.interact(() -> launcher.launch(spec));
    GuiTestSupport.waitUntil(robot, () -> overview() != null && overview().state() == RunOverview.RunState.ENDED
        && window.trialTable().getItems().size() == 2);
    robot.interact(() -> window.trialTable().getSelectionModel().select(0));
    robot.clickOn(node(robot, "#runEnqueue"));
    robot.doubleClickOn("#enqueue-x").eraseText(12).write("7");
    robot.clickOn("OK");
    assertTrue(robot.lookup("#enqueue-x").tryQuery().isPresent(), "a value outside [0, 1] keeps the dialog open");
    assertTrue(robot.lookup(".field-error").queryLabeled().getText().startsWith("7 is outside"));
    robot.doubleClickOn("#enqueue-x").eraseText(12).write("0.125");
    robot.clickOn("OK");
    GuiTestSupport.waitUntil(robot, () -> window.run().panel().trial(2).isPresent());
    FrozenTrial waiting = window.run().panel().trial(2).orElseThrow();
    assertEquals(TrialState.WAITING, waiting.state());
    assertEquals(java.util.Map.of("x", 0.125), waiting.systemAttrs().get("fixed_params"));
  }

  @Test
  void aSpecWithAMistakeIsShownWithItsLineAndNothingRuns(FxRobot robot) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nspace:\n  x: {type: float, low: 1, high: 0}\n"
        + "objective: {builtin: branin}\n");
    robot.interact(() -> launcher.launch(bad));
    GuiTestSupport.waitUntil(robot, () -> !dialogs.errors().isEmpty());
    RecordingDialogService.Shown error = dialogs.errors().get(0);
    assertEquals("Cannot run bad.yaml", error.title());
    assertTrue(error.message().contains("bad.yaml:3"), error.message());
    assertTrue(running(robot).isEmpty());
  }

  @Test
  void theRunPanelSteersTheRunThroughTheStoreAndShowsLiveOutput(FxRobot robot) throws Exception {
    Path spec = spec(30, true);
    robot.interact(() -> launcher.launch(spec));
    GuiTestSupport.waitUntil(robot, () -> window.run().panel().slotRows().size() == 1
        && overview().state() == RunOverview.RunState.RUNNING);

    robot.clickOn(node(robot, "#runPause"));
    GuiTestSupport.waitUntil(robot, () -> overview().state() == RunOverview.RunState.PAUSED);
    assertEquals(StudyControl.PAUSED, storedControl().state());
    robot.clickOn(node(robot, "#runResume"));
    GuiTestSupport.waitUntil(robot, () -> overview().state() == RunOverview.RunState.RUNNING);
    assertEquals(StudyControl.RUNNING, storedControl().state());

    robot.interact(() -> robot.from(window.stage().getScene().getRoot()).lookup("#runSlots").<Spinner<Integer>>query().getValueFactory().setValue(2));
    GuiTestSupport.waitUntil(robot, () -> window.run().panel().slotRows().size() == 2);
    assertEquals(2, storedControl().slots());

    robot.interact(() -> window.run().view().slotsTable().getSelectionModel().select(0));
    GuiTestSupport.waitUntil(robot, () -> window.run().view().outputPane().text().getText()
        .contains("trial 0 starts with x="));
    GuiTestSupport.waitUntil(robot, () -> !robot.from(window.stage().getScene().getRoot()).lookup("#runKill").<Button>query().isDisabled());
    robot.clickOn(node(robot, "#runKill"));
    GuiTestSupport.waitUntil(robot, () -> window.run().panel().failures().stream()
        .anyMatch(f -> f.number() == 0 && f.reason().equals(StudyControl.KILLED_BY_USER)));
    assertEquals(TrialState.FAIL, storedTrials().get(0).state());

    robot.clickOn(node(robot, "#runStop"));
    GuiTestSupport.waitUntil(robot, () -> overview().state() == RunOverview.RunState.STOPPING);
    assertEquals(StudyControl.STOPPED, storedControl().state());
    Files.writeString(dir.resolve("go"), "");
    GuiTestSupport.waitUntil(robot, () -> overview().state() == RunOverview.RunState.ENDED);
    assertEquals("Ended: stopped", robot.from(window.stage().getScene().getRoot()).lookup("#runState").queryLabeled()
        .getText(), this::readOutput);
    assertTrue(storedTrials().stream().noneMatch(t -> t.state() == TrialState.RUNNING));
    GuiTestSupport.waitUntil(robot, () -> !robot.from(window.stage().getScene().getRoot()).lookup("#runStart").<Button>query().isDisabled()
        && robot.from(window.stage().getScene().getRoot()).lookup("#runStop").<Button>query().isDisabled());
  }

  private void startWaitingRun(FxRobot robot) throws Exception {
    Path spec = spec(30, true);
    robot.interact(() -> launcher.launch(spec));
    GuiTestSupport.waitUntil(robot, () -> overview() != null && overview().state() == RunOverview.RunState.RUNNING);
  }

  private void requestClose(FxRobot robot) {
    robot.interact(() -> window.stage().fireEvent(new WindowEvent(window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
  }

  @Test
  void closingWhileARunGoesOnAndCancellingKeepsTheWindow(FxRobot robot) throws Exception {
    startWaitingRun(robot);
    dialogs.nextChoice = CloseGuard.CANCEL;
    requestClose(robot);
    assertTrue(window.stage().isShowing());
    assertEquals(1, dialogs.shown.stream().filter(s -> s.kind().equals("choose")).count());
    assertEquals(StudyControl.RUNNING, storedControl().state());
  }

  @Test
  void closingAndKeepingTheRunLeavesItRunningHeadless(FxRobot robot) throws Exception {
    startWaitingRun(robot);
    List<RunLauncher.Launched> runs = running(robot);
    dialogs.nextChoice = CloseGuard.KEEP;
    requestClose(robot);
    assertFalse(window.stage().isShowing());
    assertTrue(runs.get(0).run().isAlive());
    assertEquals(StudyControl.RUNNING, storedControl().state());

    // Reopening the study in a new window shows the run going on, and by whom.
    MainWindow[] again = new MainWindow[1];
    robot.interact(() -> {
      again[0] = GuiTestSupport.showWindow(new Stage(), dir.resolve("again"), executor, dialogs);
      again[0].viewModel().open(dir.resolve("gui.db").toString());
    });
    try {
      GuiTestSupport.waitUntil(robot, () -> again[0].run().panel().overviewProperty().get() != null
          && again[0].run().panel().overviewProperty().get().state() == RunOverview.RunState.RUNNING);
      String state = again[0].run().panel().overviewProperty().get().stateText();
      assertTrue(state.startsWith("Running (pid " + runs.get(0).run().pid() + " on "), state);
    } finally {
      robot.interact(() -> again[0].stage().hide());
    }
  }

  @Test
  void closingAndStoppingStopsTheStudyAndClosesTheWindow(FxRobot robot) throws Exception {
    startWaitingRun(robot);
    List<RunLauncher.Launched> runs = running(robot);
    dialogs.nextChoice = CloseGuard.STOP;
    requestClose(robot);
    GuiTestSupport.waitUntil(robot, () -> !window.stage().isShowing());
    assertEquals(StudyControl.STOPPED, storedControl().state());
    Files.writeString(dir.resolve("go"), "");
    assertEquals(0, runs.get(0).run().onExit().get(60, TimeUnit.SECONDS));
    assertTrue(storedTrials().stream().noneMatch(t -> t.state() == TrialState.RUNNING));
  }
}
