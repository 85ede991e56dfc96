package org.tunelab.app.design.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/** The editor's state without a display: loading, edits, undo history, conditions, preview. */
class SpaceEditorViewModelTest {
  private final SpaceEditorViewModel model = new SpaceEditorViewModel();

  private static final SearchSpace MIXED = SearchSpace.of(
      Param.of("lr", FloatDistribution.log(1e-5, 0.1)),
      Param.of("dropout", FloatDistribution.stepped(0.0, 0.5, 0.1)),
      Param.of("units", IntDistribution.log(8, 512)),
      Param.of("batch", IntDistribution.stepped(16, 128, 16)),
      Param.of("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop")),
      new Param("momentum", FloatDistribution.of(0.0, 0.99), Condition.when("optimizer", "sgd")),
      Param.of("kernel", CategoricalDistribution.of(3L, 5L, 7L)),
      Param.of("odd", CategoricalDistribution.of(null, true, 0.5, "1", "a, b", "\"q\"", "")));

  @Test
  void anEmptyEditorHoldsAValidEmptySpace() {
    assertTrue(model.validProperty().get());
    assertEquals(SearchSpace.of(), model.spaceProperty().get());
    assertFalse(model.canUndoProperty().get());
    assertEquals("Undo", model.undoDescriptionProperty().get());
  }

  @Test
  void loadedSpaceComesBackEqualThroughTheDrafts() {
    model.load(MIXED);
    assertEquals(List.of(), model.errors());
    assertEquals(MIXED, model.spaceProperty().get());
    assertEquals(MIXED.size(), model.rows().size());
  }

  @ParameterizedTest
  @EnumSource(SpaceTemplate.class)
  void everyTemplateLoadsWithoutErrors(SpaceTemplate template) {
    model.load(template.space());
    assertEquals(List.of(), model.errors());
    assertEquals(template.space(), model.spaceProperty().get());
  }

  @Test
  void loadIsOneUndoEntry() {
    model.load(MIXED);
    assertEquals("Undo replace the search space", model.undoDescriptionProperty().get());
    model.undo();
    assertEquals(SearchSpace.of(), model.spaceProperty().get());
    assertFalse(model.canUndoProperty().get());
  }

  @Test
  void logScaleWithNonPositiveLowIsReportedAtLowWithTheEngineMessage() {
    model.load(MIXED);
    model.setText(0, ParamField.LOW, "0");
    assertEquals("low must be > 0 for a log scale, got low=0.0", model.fieldError(0, ParamField.LOW));
    assertEquals(List.of("Parameter \"lr\", low: low must be > 0 for a log scale, got low=0.0"), model.errors());
    assertNull(model.spaceProperty().get());
    assertFalse(model.validProperty().get());
  }

  @Test
  void lowAboveHighIsReportedAtHigh() {
    model.load(MIXED);
    model.setText(5, ParamField.HIGH, "-1");
    assertEquals("low must be <= high, got low=0.0 high=-1.0", model.fieldError(5, ParamField.HIGH));
  }

  @Test
  void textThatIsNotANumberSaysWhatWasTyped() {
    model.load(MIXED);
    model.setText(0, ParamField.HIGH, "abc");
    assertEquals("high must be a number, got \"abc\"", model.fieldError(0, ParamField.HIGH));
    model.setText(2, ParamField.LOW, "1.5");
    assertEquals("low must be a whole number for an int parameter, got \"1.5\"", model.fieldError(2, ParamField.LOW));
  }

  @Test
  void highOffTheStepGridIsAnErrorNamingTheLastGridPoint() {
    model.load(MIXED);
    model.setText(1, ParamField.HIGH, "0.55");
    assertEquals("high must lie on the step grid low + k * step; the last point below 0.55 is 0.5",
        model.fieldError(1, ParamField.HIGH));
    model.setText(3, ParamField.STEP, "50");
    assertEquals("high must lie on the step grid low + k * step; the last point below 128 is 116",
        model.fieldError(3, ParamField.HIGH));
  }

  @Test
  void stepWithLogIsReportedAtStep() {
    model.load(MIXED);
    model.setText(0, ParamField.STEP, "0.01");
    assertEquals("step and log cannot be used together (step=0.01)", model.fieldError(0, ParamField.STEP));
  }

  @Test
  void duplicateNamesAreReportedAtTheSecondOne() {
    model.load(MIXED);
    model.setText(1, ParamField.NAME, "lr");
    assertNull(model.fieldError(0, ParamField.NAME));
    assertEquals("parameter \"lr\" is defined twice; names must be unique", model.fieldError(1, ParamField.NAME));
  }

  @Test
  void blankNameUsesTheEngineMessageAndTheRowNumber() {
    model.load(MIXED);
    model.setText(0, ParamField.NAME, " ");
    assertEquals(List.of("Parameter 1 (no name), name: a parameter name must not be blank"), model.errors());
  }

  @Test
  void emptyAndRepeatedChoicesAreReported() {
    model.load(MIXED);
    model.setText(4, ParamField.CHOICES, "");
    assertEquals("choices must contain at least one value", model.fieldError(4, ParamField.CHOICES));
    model.setText(4, ParamField.CHOICES, "adam, sgd, adam");
    assertEquals("the choice adam is listed twice", model.fieldError(4, ParamField.CHOICES));
    model.setText(4, ParamField.CHOICES, "adam, \"sgd");
    assertEquals("item 2 opens a quote that is never closed", model.fieldError(4, ParamField.CHOICES));
  }

  @Test
  void conditionOnALaterParameterMustMoveAboveIt() {
    model.load(MIXED);
    model.moveUp(5);
    assertEquals("momentum", model.rows().get(4).name());
    assertEquals("depends on \"optimizer\", which must be defined before it",
        model.fieldError(4, ParamField.CONDITION_PARENT));
    model.moveDown(4);
    assertTrue(model.validProperty().get());
  }

  @Test
  void conditionOnAnUnknownOrFloatParentOrOnImpossibleValuesIsReported() {
    model.load(MIXED);
    model.setCondition(5, "optimiser", "sgd");
    assertEquals("depends on \"optimiser\", which is not a parameter of this space",
        model.fieldError(5, ParamField.CONDITION_PARENT));
    model.setCondition(5, "lr", "0.1");
    assertEquals("depends on \"lr\", a float; a condition needs a categorical or int parent, whose values can be listed",
        model.fieldError(5, ParamField.CONDITION_PARENT));
    model.setCondition(5, "optimizer", "adagrad");
    assertEquals("condition value adagrad can never be taken by \"optimizer\" (categorical [\"adam\", \"sgd\", \"rmsprop\"])",
        model.fieldError(5, ParamField.CONDITION_VALUES));
    model.setCondition(5, "optimizer", "");
    assertEquals("a condition on \"optimizer\" needs at least one value", model.fieldError(5, ParamField.CONDITION_VALUES));
  }

  @Test
  void conditionPickerListsEarlierCategoricalAndIntParametersAndTheirValues() {
    model.load(MIXED);
    assertEquals(List.of("units", "batch", "optimizer"), model.conditionParents(5));
    assertEquals(List.of("adam", "sgd", "rmsprop"), model.conditionValues("optimizer"));
    assertEquals(List.of("16", "32", "48", "64", "80", "96", "112", "128"), model.conditionValues("batch"));
  }

  @Test
  void renamingAParentRenamesItInTheConditionsOfItsChildren() {
    model.load(MIXED);
    model.setText(4, ParamField.NAME, "opt");
    assertEquals("opt", model.rows().get(5).conditionParent());
    assertTrue(model.validProperty().get());
  }

  @Test
  void keystrokesInOneFieldMergeIntoOneUndoEntry() {
    model.load(MIXED);
    for (String text : List.of("1", "1e", "1e-", "1e-4")) model.setText(0, ParamField.LOW, text);
    assertEquals("Undo change low of lr", model.undoDescriptionProperty().get());
    model.undo();
    assertEquals("1e-05", model.rows().get(0).low());
    assertEquals("Undo replace the search space", model.undoDescriptionProperty().get());
    assertEquals("Redo change low of lr", model.redoDescriptionProperty().get());
    model.redo();
    assertEquals("1e-4", model.rows().get(0).low());
  }

  @Test
  void renamesMergeIntoOneEntryDescribedFromFirstToLastName() {
    model.load(MIXED);
    model.setText(0, ParamField.NAME, "lr2");
    model.setText(0, ParamField.NAME, "lr23");
    assertEquals("Undo rename lr to lr23", model.undoDescriptionProperty().get());
  }

  @Test
  void sealingOrAnotherFieldStartsANewEntry() {
    model.load(MIXED);
    model.setText(0, ParamField.LOW, "1e-4");
    model.sealEdit();
    model.setText(0, ParamField.LOW, "1e-3");
    model.setText(0, ParamField.HIGH, "0.5");
    model.undo();
    assertEquals("1e-3", model.rows().get(0).low());
    model.undo();
    assertEquals("1e-4", model.rows().get(0).low());
    model.undo();
    assertEquals("1e-05", model.rows().get(0).low());
  }

  @Test
  void aBatchIsOneEntryWithItsDescription() {
    model.load(MIXED);
    model.batch("make lr linear", () -> {
      model.setLog(0, false);
      model.setText(0, ParamField.LOW, "0.0");
      model.setText(0, ParamField.HIGH, "1.0");
    });
    assertEquals(FloatDistribution.of(0, 1), model.spaceProperty().get().param("lr").distribution());
    assertEquals("Undo make lr linear", model.undoDescriptionProperty().get());
    model.undo();
    assertEquals(MIXED, model.spaceProperty().get());
  }

  @Test
  void addRemoveCopyAndMoveAreEachOneUndoableEntry() {
    model.add();
    assertEquals("param1", model.rows().get(0).name());
    assertEquals("Undo add param1", model.undoDescriptionProperty().get());
    model.duplicate(0);
    assertEquals(List.of("param1", "param1_copy"), model.rows().stream().map(ParamDraft::name).toList());
    assertEquals(1, model.selectedIndexProperty().get());
    model.moveUp(1);
    assertEquals("Undo move param1_copy up", model.undoDescriptionProperty().get());
    model.remove(0);
    assertEquals(List.of("param1"), model.rows().stream().map(ParamDraft::name).toList());
    model.undo();
    model.undo();
    model.undo();
    assertEquals(List.of("param1"), model.rows().stream().map(ParamDraft::name).toList());
    model.undo();
    assertEquals(List.of(), model.rows());
  }

  @Test
  void undoRestoresTheSelection() {
    model.load(MIXED);
    model.selectedIndexProperty().set(3);
    model.setText(3, ParamField.HIGH, "256");
    model.selectedIndexProperty().set(0);
    model.undo();
    assertEquals(3, model.selectedIndexProperty().get());
  }

  @Test
  void aNewEditClearsRedo() {
    model.load(MIXED);
    model.setText(0, ParamField.LOW, "1e-4");
    model.undo();
    model.setText(0, ParamField.HIGH, "0.5");
    assertFalse(model.canRedoProperty().get());
    assertEquals("Redo", model.redoDescriptionProperty().get());
  }

  @Test
  void changingTypeToIntKeepsWholeNumbers() {
    model.add();
    model.setType(0, ParamType.INT);
    assertEquals(IntDistribution.of(0, 1), model.spaceProperty().get().param("param1").distribution());
    model.setType(0, ParamType.CATEGORICAL);
    assertEquals("choices must contain at least one value", model.fieldError(0, ParamField.CHOICES));
  }

  @Test
  void previewFollowsTheSelectionAndExplainsWhenItCannotDraw() {
    model.load(MIXED);
    model.selectedIndexProperty().set(4);
    PriorHistogram h = model.previewProperty().get();
    assertNotNull(h);
    assertEquals(List.of("adam", "sgd", "rmsprop"), h.bins().stream().map(PriorHistogram.Bin::label).toList());
    model.setText(4, ParamField.CHOICES, "");
    assertNull(model.previewProperty().get());
    assertEquals("Fix the errors of optimizer to see how its values will be sampled",
        model.previewMessageProperty().get());
  }
}
