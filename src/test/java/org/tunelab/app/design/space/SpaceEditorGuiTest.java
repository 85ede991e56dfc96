package org.tunelab.app.design.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunelab.app.FxTaskExecutor;
import org.tunelab.app.Theme;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;

/** The search-space editor headless: typing through the UI, inline errors, Ctrl+Z, and the YAML it yields. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SpaceEditorGuiTest {
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private final SpaceEditorViewModel model = new SpaceEditorViewModel();
  private SpaceEditorView view;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    view = new SpaceEditorView(model, executor);
    Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 760);
    scene.getStylesheets().add(Theme.LIGHT.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(stage::close);
    executor.shutdown();
  }

  private static void replaceText(FxRobot robot, TextField field, String text) {
    robot.clickOn(field);
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    robot.write(text);
  }

  @Test
  void invalidRangeIsExplainedInlineFixedUndoneAndTheSpaceRoundTripsThroughYaml(FxRobot robot) {
    robot.clickOn("#space-add");
    assertEquals(List.of("param1"), model.rows().stream().map(ParamDraft::name).toList());

    TextField low = robot.lookup("#space-low").queryAs(TextField.class);
    TextField high = robot.lookup("#space-high").queryAs(TextField.class);
    TextField step = robot.lookup("#space-step").queryAs(TextField.class);
    Label highError = robot.lookup("#space-error-high").queryAs(Label.class);

    replaceText(robot, low, "5");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(highError.isVisible());
    assertEquals("low must be <= high, got low=5.0 high=1.0", highError.getText());
    assertTrue(high.getStyleClass().contains("space-invalid"));
    assertFalse(model.validProperty().get());
    assertEquals(List.of("Parameter \"param1\", high: low must be <= high, got low=5.0 high=1.0"),
        robot.lookup("#space-problems .label").queryAllAs(Label.class).stream().map(Label::getText).toList());

    replaceText(robot, high, "20");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(highError.isVisible(), model.rows() + " " + model.errors());
    assertTrue(model.validProperty().get(), model.rows() + " " + model.errors());
    assertEquals(SearchSpace.of(Param.of("param1", FloatDistribution.of(5, 20))), model.spaceProperty().get());

    replaceText(robot, step, "4");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("high must lie on the step grid low + k * step; the last point below 20.0 is 17.0",
        robot.lookup("#space-error-high").queryAs(Label.class).getText());

    // Ctrl+Z in the focused text field undoes the editor's last entry (the whole step), not a character
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", step.getText());
    assertTrue(model.validProperty().get());
    assertEquals("Undo change high of param1", model.undoDescriptionProperty().get());

    SearchSpace space = model.spaceProperty().get();
    assertNotNull(space);
    String yaml = SpecWriter.write(StudySpec.of("edited", space, new ObjectiveSpec.Builtin("sphere")));
    assertEquals(space, SpecReader.parse(yaml, null).space());
  }

  @Test
  void tableKeysAddCopyMoveAndRemove(FxRobot robot) {
    robot.interact(() -> model.load(SpaceTemplate.NEURAL_NETWORK.space()));
    robot.clickOn(robot.lookup(".table-row-cell").nth(0).<javafx.scene.Node>query());
    robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
    assertEquals("lr_copy", model.rows().get(1).name());
    robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
    assertEquals("lr_copy", model.rows().get(2).name());
    robot.type(KeyCode.DELETE);
    assertFalse(model.rows().stream().anyMatch(d -> d.name().equals("lr_copy")));
    robot.type(KeyCode.INSERT);
    assertTrue(model.rows().stream().anyMatch(d -> d.name().equals("param1")));
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    assertTrue(model.rows().stream().anyMatch(d -> d.name().equals("lr_copy")));
    robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
    assertFalse(model.rows().stream().anyMatch(d -> d.name().equals("lr_copy")));
  }

  @Test
  void previewDrawsOneBarPerChoiceOfTheSelectedCategorical(FxRobot robot) {
    robot.interact(() -> {
      model.load(SpaceTemplate.NEURAL_NETWORK.space());
      model.selectedIndexProperty().set(6);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, robot.lookup("#space-histogram .space-bar").queryAll().size());
    assertEquals("optimizer", robot.lookup("#space-name").queryAs(TextField.class).getText());
  }

  @Test
  void conditionPickerTicksTheParentsValuesAndEditsTheCondition(FxRobot robot) {
    robot.interact(() -> {
      model.load(SpaceTemplate.NEURAL_NETWORK.space());
      model.selectedIndexProperty().set(7);
    });
    WaitForAsyncUtils.waitForFxEvents();
    List<javafx.scene.control.CheckBox> boxes = robot.lookup(".check-box").queryAllAs(javafx.scene.control.CheckBox.class)
        .stream().filter(c -> List.of("adam", "sgd", "rmsprop").contains(c.getText())).toList();
    assertEquals(List.of(false, true, true), boxes.stream().map(javafx.scene.control.CheckBox::isSelected).toList());
    robot.clickOn("rmsprop");
    assertEquals("sgd", model.rows().get(7).conditionValues());
    assertEquals(org.tunelab.space.Condition.when("optimizer", "sgd"),
        model.spaceProperty().get().param("momentum").condition());
    assertEquals("Undo set condition of momentum", model.undoDescriptionProperty().get());
  }
}
