package org.tunelab.app.design.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.space.Condition;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;
import org.tunelab.storage.Storage;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.StudySearchSpace;

/** Starting points: a spec file and an existing study, loaded into the editor and written back as YAML. */
class SpaceSourcesTest {
  @TempDir Path dir;
  private final SpaceEditorViewModel model = new SpaceEditorViewModel();

  @Test
  void specFileSpaceLoadsAndWritesBackToTheSameYamlSpace() throws Exception {
    SearchSpace template = SpaceTemplate.GRADIENT_BOOSTING.space();
    Path spec = dir.resolve("gb.yaml");
    SpecWriter.write(StudySpec.of("gb", template, new ObjectiveSpec.Builtin("sphere")), spec);
    model.load(SpaceSources.fromSpecFile(spec));
    assertEquals(template, model.spaceProperty().get());
    Path again = dir.resolve("again.yaml");
    SpecWriter.write(StudySpec.of("gb", model.spaceProperty().get(), new ObjectiveSpec.Builtin("sphere")), again);
    assertEquals(Files.readString(spec), Files.readString(again));
  }

  @Test
  void aBrokenSpecFileSaysWhereItIsWrong() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "name: x\nspace:\n  lr: {type: float, low: 0, high: 1, log: true}\nobjective: {builtin: sphere}\n");
    SpecException e = assertThrows(SpecException.class, () -> SpaceSources.fromSpecFile(spec));
    assertTrue(e.getMessage().contains("space.lr.low"), e.getMessage());
  }

  @Test
  void existingStudysParametersLoadWithTheirCondition() throws Exception {
    Path db = dir.resolve("single.db");
    try (InputStream in = getClass().getResourceAsStream("/fixtures/optuna-4.9/single.db")) {
      Files.copy(in, db);
    }
    StudySearchSpace used;
    try (Storage s = SqliteStorage.openReadOnly(db)) {
      used = SpaceSources.fromStudy(s, s.studyId("single"));
    }
    model.load(used.space(), "start from study single");
    assertEquals(used.space(), model.spaceProperty().get());
    assertEquals(Condition.when("optimizer", "sgd"), model.spaceProperty().get().param("momentum").condition());
    assertEquals("Undo start from study single", model.undoDescriptionProperty().get());
  }

  @Test
  void choicesTypedInTheEditorSurviveTheYamlRoundTrip() {
    model.add();
    model.setType(0, ParamType.CATEGORICAL);
    model.setText(0, ParamField.CHOICES, "adam, 32, 0.5, true, null, \"32\", \"a, b\", \"no\"");
    SearchSpace space = model.spaceProperty().get();
    String yaml = SpecWriter.write(StudySpec.of("t", space, new ObjectiveSpec.Builtin("sphere")));
    assertEquals(space, org.tunelab.spec.SpecReader.parse(yaml, null).space());
  }
}
