package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
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
import org.tunelab.sampler.RandomSampler;
import org.tunelab.storage.Storage;
import org.tunelab.storage.Storages;
import org.tunelab.storage.StudySummary;
import org.tunelab.study.Study;
import org.tunelab.trial.StudyDirection;

/** The real main window, headless: opening Optuna files, showing studies, live refresh, errors, keys. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
  @TempDir Path dir;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private MainWindow window;
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    window = GuiTestSupport.showWindow(stage, dir, executor);
    vm = window.viewModel();
  }

  @AfterEach
  void closeWindow(FxRobot robot) {
    robot.interact(() -> window.stage().close());
    executor.shutdown();
  }

  private void open(FxRobot robot, Path file) {
    robot.interact(() -> vm.open(file.toString()));
  }

  private List<String> listedStudies() {
    return window.studyList().getItems().stream().map(StudySummary::name).toList();
  }

  @Test
  void showsTheWelcomePaneUntilADatabaseIsOpen(FxRobot robot) {
    assertTrue(robot.lookup("#welcome").query().isVisible());
    assertTrue(window.stage().getTitle().startsWith("TuneLab "));
    assertEquals("Offline", robot.lookup("#statusLive").queryLabeled().getText());
  }

  @Test
  void openingAnOptunaFileListsItsStudies(FxRobot robot) throws Exception {
    Path db = GuiTestSupport.fixture("optuna-3.1/multi_study.db", dir);
    open(robot, db);
    GuiTestSupport.waitUntil(robot, () -> window.studyList().getItems().size() == 5);
    assertEquals(List.of("alpha", "beta", "gamma", "empty", "delta ü名前 with spaces"), listedStudies());
    assertFalse(robot.lookup("#welcome").query().isVisible());
    assertEquals(db.toString(), robot.lookup("#statusDatabase").queryLabeled().getText());
    GuiTestSupport.waitUntil(robot, () -> "Live".equals(robot.lookup("#statusLive").queryLabeled().getText()));
  }

  @Test
  void selectingAStudyShowsItsTrialsAndHistory(FxRobot robot) throws Exception {
    open(robot, GuiTestSupport.fixture("optuna-3.1/multi_study.db", dir));
    GuiTestSupport.waitUntil(robot, () -> window.studyList().getItems().size() == 5);
    robot.clickOn("beta");
    GuiTestSupport.waitUntil(robot, () -> "beta".equals(vm.study().nameProperty().get()));
    assertEquals(12, window.trialTable().getItems().size());
    assertEquals(12, window.historyChart().pointCount());
    assertEquals("12 trials: 12 complete", robot.lookup("#statusCounts").queryLabeled().getText());
  }

  @Test
  void aStudyWithTwoObjectivesShowsBothValuesAndPlotsTheFirstWithANote(FxRobot robot) throws Exception {
    open(robot, GuiTestSupport.fixture("optuna-3.1/multi_study.db", dir));
    GuiTestSupport.waitUntil(robot, () -> window.studyList().getItems().size() == 5);
    robot.clickOn("gamma");
    GuiTestSupport.waitUntil(robot, () -> "gamma".equals(vm.study().nameProperty().get()));
    List<String> columns = window.trialTable().getColumns().stream().map(TableColumn::getText).toList();
    assertEquals(List.of("Value 0", "Value 1"), columns.subList(2, 4));
    assertEquals(8, window.historyChart().pointCount());
    assertEquals("Objective 0 of 2 (maximize) shown.", robot.lookup(".chart-note").queryLabeled().getText());
  }

  @Test
  void showsEveryTrialOfTheSingleFixtureWithItsValuesAndParams(FxRobot robot) throws Exception {
    open(robot, GuiTestSupport.fixture("optuna-3.1/single.db", dir));
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 32);
    TrialRow best = window.trialTable().getItems().get(17);
    assertEquals(17, best.number());
    assertEquals(2.13665300865395, best.value(0));
    assertEquals("sgd", best.params().get("optimizer"));
    assertEquals(24, window.historyChart().pointCount());
    List<String> columns = window.trialTable().getColumns().stream().map(TableColumn::getText).toList();
    assertEquals(List.of("#", "State", "Value", "activation", "batch", "dropout", "kernel", "lr", "momentum",
        "n_layers", "optimizer", "scale", "units", "use_bn", "x", "attr info", "attr left", "attr note", "attr source",
        "attr tags", "attr units_x_layers", "Duration", "Started"), columns);
    // the table's cell text for the best value, as the user reads it
    robot.interact(() -> window.trialTable().scrollTo(17));
    assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
        .anyMatch(c -> "2.13665".equals(c.getText())));
  }

  @Test
  void picksUpTrialsAnotherWriterAddsWhileTheWindowIsOpen(FxRobot robot) throws Exception {
    Path db = dir.resolve("live.db");
    try (Storage writer = Storages.open(db.toString(), dir)) {
      Study study = Study.builder(writer).name("live").directions(StudyDirection.MINIMIZE)
          .sampler(new RandomSampler(3)).build();
      study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
      open(robot, db);
      GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 3);
      robot.interact(() -> window.trialTable().getSelectionModel().select(1));
      study.optimize(t -> t.suggestFloat("x", 0, 1), 4);
      GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 7);
      GuiTestSupport.waitUntil(robot, () -> window.historyChart().pointCount() == 7);
      assertEquals(1, window.trialTable().getSelectionModel().getSelectedItem().number());
      assertEquals(7, window.studyList().getItems().get(0).trialCount());
    }
  }

  @Test
  void aFileThatIsNotAnOptunaDatabaseShowsAnErrorNotACrash(FxRobot robot) throws Exception {
    Path notes = dir.resolve("notes.db");
    Files.writeString(notes, "these are my notes, not a database");
    robot.interact(() -> vm.open(notes.toString()));
    GuiTestSupport.waitUntil(robot, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertEquals("Cannot open database", pane.getHeaderText());
    assertTrue(pane.getContentText().contains("notes.db is not an Optuna database"), pane.getContentText());
    robot.clickOn("OK");
    assertTrue(robot.lookup("#welcome").query().isVisible());
    assertEquals("these are my notes, not a database", Files.readString(notes), "the file is left as it was");
  }

  @Test
  void aSqliteFileWithoutOptunaTablesShowsAnErrorWithDetails(FxRobot robot) throws Exception {
    Path other = GuiTestSupport.fixture("app/not-optuna.db", dir);
    byte[] before = Files.readAllBytes(other);
    robot.interact(() -> vm.open(other.toString()));
    GuiTestSupport.waitUntil(robot, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertEquals("not-optuna.db is not an Optuna database, or it cannot be read.", pane.getContentText());
    // the storage's own explanation waits behind "Show Details"
    javafx.scene.control.TextArea details = (javafx.scene.control.TextArea) pane.getExpandableContent().lookup(".details");
    assertTrue(details.getText().contains("not an Optuna storage"), details.getText());
    robot.clickOn("OK");
    assertTrue(robot.lookup("#welcome").query().isVisible());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(other)),
        "opening must not change the file");
  }

  @Test
  void theTableIsNavigableWithTheKeyboard(FxRobot robot) throws Exception {
    open(robot, GuiTestSupport.fixture("optuna-3.1/multi_study.db", dir));
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 12);
    robot.clickOn(robot.lookup(".table-row-cell").nth(0).<Node>query());
    robot.type(KeyCode.DOWN, 2);
    assertEquals(2, window.trialTable().getSelectionModel().getSelectedItem().number());
    robot.type(KeyCode.F5);
    assertEquals(2, window.trialTable().getSelectionModel().getSelectedItem().number());
  }

  @Test
  void theDemoButtonRunsTheDemoAndShowsItLive(FxRobot robot) throws Exception {
    robot.clickOn("#welcomeDemo");
    GuiTestSupport.waitUntil(robot, () -> "branin-demo".equals(vm.study().nameProperty().get()));
    GuiTestSupport.waitUntil(robot, () -> window.trialTable().getItems().size() == 8);
    GuiTestSupport.waitUntil(robot, () -> window.historyChart().pointCount() == 8);
    GuiTestSupport.waitUntil(robot, () -> !vm.demo().runningProperty().get());
    assertTrue(Files.isRegularFile(dir.resolve("data").resolve("demo.db")));
  }

  @Test
  void switchesToTheDarkThemeFromTheViewMenu(FxRobot robot) {
    robot.clickOn("View").clickOn("#menuThemeDark");
    Node root = window.scene().getRoot();
    assertTrue(root.getScene().getStylesheets().get(0).endsWith("dark.css"));
    assertEquals(Theme.DARK, vm.themeProperty().get());
  }
}
