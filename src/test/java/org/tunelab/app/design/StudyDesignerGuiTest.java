package org.tunelab.app.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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
import org.testfx.util.WaitForAsyncUtils;
import org.tunelab.app.FxTaskExecutor;
import org.tunelab.app.Theme;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.SpecReader;

/** The real designer window, headless: typing into the forms, errors and their fixes, save and reopen, YAML. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class StudyDesignerGuiTest {
  @TempDir Path dir;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private final AnsweringDialogs dialogs = new AnsweringDialogs();
  private StudyDesignerWindow window;
  private StudyDesignerViewModel vm;

  @Start
  void start(Stage stage) {
    window = new StudyDesignerWindow(stage, executor, dialogs, new SimpleObjectProperty<>(Theme.LIGHT), Optional.empty(), "");
    vm = window.viewModel();
    vm.spaceEditor().load(SearchSpace.of(Param.of("lr", FloatDistribution.log(1e-4, 1e-1)),
        Param.of("layers", IntDistribution.of(1, 4))));
    window.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> window.stage().close());
    executor.shutdown();
  }

  private void replaceText(FxRobot robot, String id, String text) {
    robot.clickOn("#" + id);
    robot.push(KeyCode.SHORTCUT, KeyCode.A).push(KeyCode.BACK_SPACE);
    if (!text.isEmpty()) robot.write(text);
  }

  private void waitFor(FxRobot robot, java.util.function.BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      boolean[] ok = {false};
      robot.interact(() -> ok[0] = condition.getAsBoolean());
      return ok[0];
    });
  }

  /** Scrolls the form holding {@code id} to its end, where the node is. */
  private void scrollToBottom(FxRobot robot, String id) {
    robot.interact(() -> {
      javafx.scene.Node n = robot.lookup("#" + id).query();
      while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
      if (n != null) ((javafx.scene.control.ScrollPane) n).setVvalue(1);
    });
  }

  private String tabTitle(FxRobot robot, int index) {
    return robot.lookup("#designerTabs").queryAs(TabPane.class).getTabs().get(index).getText();
  }

  @Test
  void typingShowsProblemsBesideTheFieldsAndSavedValuesComeBack(FxRobot robot) throws Exception {
    replaceText(robot, "studyName", "");
    assertEquals("Study (1)", tabTitle(robot, 0));
    assertTrue(robot.lookup(".form-error").queryAs(Label.class).getText().contains("is required"));
    assertTrue(robot.lookup("#designerRun").query().isDisabled());
    robot.write("lr-search");
    assertEquals("Study", tabTitle(robot, 0));

    robot.interact(() -> window.view().tabs().getSelectionModel().select(1));
    replaceText(robot, "command", "python3 train.py --lr {lr} --depth {depth}");
    assertTrue(tabTitle(robot, 1).startsWith("Objective (1)"), tabTitle(robot, 1));
    assertTrue(robot.lookup("#designerStatus").queryAs(Label.class).getText().contains("unknown placeholder(s) {depth}"));
    robot.push(KeyCode.BACK_SPACE);
    robot.write(" ");
    replaceText(robot, "command", "python3 train.py --lr {lr} --layers {layers}");
    assertEquals("Objective", tabTitle(robot, 1));
    String preview = robot.lookup("#previewCommand").queryAs(TextArea.class).getText();
    assertTrue(preview.contains("$ python3 train.py --lr "), preview);
    assertTrue(preview.contains(" --layers "), preview);
    assertFalse(robot.lookup("#designerRun").query().isDisabled());

    replaceText(robot, "metricRegex", "val=([0-9.]+)");
    scrollToBottom(robot, "metricTestLine");
    replaceText(robot, "metricTestLine", "epoch 2 val=0.75");
    assertEquals("Metric 0.75 (steps are counted: 0, 1, 2, ...)",
        robot.lookup("#metricTestResult").queryAs(Label.class).getText());

    Path file = dir.resolve("lr-search.yaml");
    dialogs.saveAnswer = file;
    robot.push(KeyCode.SHORTCUT, KeyCode.S);
    waitFor(robot, () -> Files.exists(file) && file.equals(vm.files().fileProperty().get()));
    assertEquals("lr-search", SpecReader.read(file).name());

    robot.clickOn("#showYaml");
    String yaml = robot.lookup("#yamlView").queryAs(TextArea.class).getText();
    assertEquals(Files.readString(file), yaml);

    DesignForm[] before = new DesignForm[1];
    robot.interact(() -> {
      before[0] = vm.snapshot();
      vm.files().newStudy();
    });
    assertEquals("my-study", robot.lookup("#studyName").queryAs(TextField.class).getText());
    robot.interact(() -> vm.files().open(file));
    waitFor(robot, () -> "lr-search".equals(vm.field(DesignField.NAME).get()));
    robot.interact(() -> window.view().tabs().getSelectionModel().select(1));
    assertEquals("python3 train.py --lr {lr} --layers {layers}", robot.lookup("#command").queryAs(TextField.class).getText());
    assertEquals("val=([0-9.]+)", robot.lookup("#metricRegex").queryAs(TextField.class).getText());
    DesignForm[] after = new DesignForm[1];
    robot.interact(() -> after[0] = vm.snapshot());
    assertEquals(before[0], after[0]);
  }

  @Test
  void undoTakesBackATypedValueAndRedoBringsItBack(FxRobot robot) {
    robot.interact(() -> window.view().tabs().getSelectionModel().select(4));
    replaceText(robot, "trials", "25");
    robot.clickOn("#designerUndo");
    assertEquals("100", robot.lookup("#trials").queryTextInputControl().getText());
    robot.clickOn("#designerRedo");
    assertEquals("25", robot.lookup("#trials").queryTextInputControl().getText());
    assertEquals("25", vm.field(DesignField.TRIALS).get());
  }

  @Test
  void testConnectionToAClosedPortShowsAReadableFailure(FxRobot robot) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String target = String.valueOf(port);
    robot.interact(() -> {
      vm.setSshOptions(org.tunelab.run.ssh.SshOptions.defaults().withConnectTimeout(java.time.Duration.ofSeconds(5)));
      vm.hosts().add(new SshHostForm("127.0.0.1", target, "nobody", "", "", "", "", "", "", "", java.util.Map.of()));
      window.view().tabs().getSelectionModel().select(4);
    });
    robot.interact(() -> robot.lookup("#hostsTable").queryTableView().getSelectionModel().select(0));
    robot.clickOn("#hostTest");
    waitFor(robot, () -> !vm.hostCheckRunningProperty().get() && vm.hostReport().size() > 2);
    String report = String.join("\n", vm.hostReport());
    assertTrue(report.contains("FAIL  reachable"), report);
    assertTrue(report.contains("127.0.0.1"), report);
    assertTrue(report.endsWith("the host does not work"), report);
  }
}
