package org.tunelab.app.design;

import org.tunelab.app.DirectTaskExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.CommandTemplate;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.SpecReader;

/** The designer's view model without a display: validation, undo, preview, files. */
class StudyDesignerViewModelTest {
  @TempDir Path dir;
  private final AnsweringDialogs dialogs = new AnsweringDialogs();
  private StudyDesignerViewModel vm;

  @BeforeEach
  void newStudy() {
    vm = new StudyDesignerViewModel(new DirectTaskExecutor(), dialogs);
    vm.spaceEditor().load(SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1))));
    vm.field(DesignField.COMMAND).set("prog --x {x}");
  }

  private List<String> fieldsWithProblems() {
    return vm.problems().stream().map(FieldProblem::field).toList();
  }

  @Test
  void aCompleteNewStudyIsValid() {
    assertEquals(List.of(), vm.problems());
    assertTrue(vm.validProperty().get());
  }

  @Test
  void aBlankNameIsReportedAndFixingItClearsTheProblem() {
    vm.field(DesignField.NAME).set("  ");
    assertEquals(List.of("name"), fieldsWithProblems());
    assertNull(vm.specProperty().get());
    vm.field(DesignField.NAME).set("fixed");
    assertEquals("fixed", vm.specProperty().get().name());
  }

  @Test
  void anUnknownPlaceholderNamesItAndTheParameters() {
    vm.field(DesignField.COMMAND).set("prog --x {x} --lr {lrr}");
    assertEquals(List.of(new FieldProblem("objective.command", "unknown placeholder(s) {lrr}; the space has x")),
        vm.problems());
  }

  @Test
  void samplerSettingsAreCheckedPerSetting() {
    vm.field(DesignField.SAMPLER_TYPE).set("cmaes");
    vm.setSamplerSetting("popsize", "1");
    vm.setSamplerSetting("seed", "abc");
    assertEquals(List.of("sampler.seed"), fieldsWithProblems());
    vm.setSamplerSetting("seed", "7");
    assertEquals(List.of("sampler.popsize"), fieldsWithProblems());
    vm.setSamplerSetting("popsize", "12");
    assertEquals(12, vm.specProperty().get().sampler().popsize());
    assertEquals(7L, vm.specProperty().get().sampler().seed());
  }

  @Test
  void aPrunerMissingARequiredSettingSaysWhich() {
    vm.field(DesignField.PRUNER_TYPE).set("percentile");
    assertEquals(List.of(new FieldProblem("pruner", "percentile: is required")), vm.problems());
    vm.setPrunerSetting("percentile", "25");
    assertEquals(25L, vm.specProperty().get().pruner().settings().get("percentile"));
  }

  @Test
  void budgetDurationsReadLikeTheCommandLine() {
    vm.field(DesignField.TIMEOUT).set("1h3x");
    assertEquals(List.of("timeout"), fieldsWithProblems());
    vm.field(DesignField.TIMEOUT).set("1h30m");
    assertEquals(Duration.ofMinutes(90), vm.specProperty().get().timeout());
  }

  @Test
  void aHostWithABadPortIsReportedAtItsEntry() {
    vm.hosts().add(new SshHostForm("gpu1", "abc", "", "", "", "", "", "2", "0, 1", "", java.util.Map.of()));
    assertEquals(List.of("executors[0].port"), fieldsWithProblems());
    vm.hosts().set(0, new SshHostForm("gpu1", "2222", "", "", "", "", "", "2", "0, 1", "", java.util.Map.of()));
    assertEquals("[{type: ssh, host: gpu1, port: 2222, slots: 2, gpus: [0, 1]}]",
        org.tunelab.spec.SpecWriter.write(vm.specProperty().get()).lines().filter(l -> l.startsWith("executors"))
            .findFirst().orElseThrow().substring("executors: ".length()));
  }

  @Test
  void undoTakesBackAWholeRunOfTypingInOneFieldAndRedoRestoresIt() {
    vm.sealEdit();
    vm.field(DesignField.NAME).set("a");
    vm.field(DesignField.NAME).set("ab");
    vm.field(DesignField.TRIALS).set("7");
    vm.undo();
    assertEquals("100", vm.field(DesignField.TRIALS).get());
    assertEquals("ab", vm.field(DesignField.NAME).get());
    vm.undo();
    assertEquals("my-study", vm.field(DesignField.NAME).get());
    assertTrue(vm.canRedoProperty().get());
    vm.redo();
    vm.redo();
    assertEquals("7", vm.field(DesignField.TRIALS).get());
    assertFalse(vm.canRedoProperty().get());
  }

  @Test
  void thePreviewShowsTheArgumentsAndEnvironmentOfTheSeededSampleTrial() {
    double x = new SplittableRandom(3).nextDouble(); // what a seeded uniform draw over [0, 1] gives
    vm.previewSeedProperty().set(3);
    vm.field(DesignField.ENV).set("MODE=fast run");
    String command = vm.previewCommandProperty().get();
    assertTrue(command.endsWith("\n$ prog --x " + CommandTemplate.format(x)), command);
    List<String> env = vm.previewEnvProperty().get().lines().toList();
    assertEquals(List.of("MODE='fast run'", "TUNELAB_PARAM_X=" + CommandTemplate.format(x)), env.subList(0, 2));
    assertTrue(env.contains("TUNELAB_STUDY=my-study"), env.toString());
    assertTrue(env.contains("TUNELAB_TRIAL_NUMBER=0"), env.toString());
  }

  @Test
  void theMetricTestBoxShowsWhatIsExtracted() {
    vm.field(DesignField.METRIC_REGEX).set("val=([0-9.]+)");
    vm.field(DesignField.METRIC_STEP).set("epoch=(\\d+)");
    vm.metricTestLineProperty().set("epoch=3 val=0.25");
    assertEquals("Metric 0.25 at step 3", vm.metricTestResultProperty().get());
    vm.metricTestLineProperty().set("loss went down");
    assertEquals("The metric pattern does not match this line", vm.metricTestResultProperty().get());
  }

  @Test
  void savingAndOpeningAgainShowsTheSameForms() throws Exception {
    vm.field(DesignField.NAME).set("saved");
    vm.field(DesignField.PRUNER_TYPE).set("median");
    vm.setPrunerSetting("n_warmup_steps", "3");
    vm.hosts().add(SshHostForm.of("gpu1"));
    dialogs.saveAnswer = dir.resolve("saved.yaml");
    vm.files().save();
    assertFalse(vm.files().dirtyProperty().get());
    assertEquals("saved", SpecReader.read(dir.resolve("saved.yaml")).name());

    StudyDesignerViewModel other = new StudyDesignerViewModel(new DirectTaskExecutor(), dialogs);
    other.files().open(dir.resolve("saved.yaml"));
    assertEquals(vm.snapshot(), other.snapshot());
    assertEquals(vm.spaceEditor().spaceProperty().get(), other.spaceEditor().spaceProperty().get());
    assertEquals(dir.resolve("saved.yaml"), other.files().fileProperty().get());
  }

  @Test
  void openingABrokenFileShowsEachProblemWithItsLine() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nspace: {x: {type: float, low: 1, high: 0}}\nobjective: {builtin: sphere}\n");
    vm.files().open(bad);
    assertEquals(1, dialogs.errors.size());
    assertTrue(dialogs.errors.get(0).contains("bad.yaml:2: space.x"), dialogs.errors.get(0));
  }

  @Test
  void runSavesFirstAndHandsTheFileToTheRunHandler() {
    List<Path> ran = new ArrayList<>();
    vm.setOnRun(ran::add);
    dialogs.saveAnswer = dir.resolve("run.yaml");
    vm.files().run();
    assertEquals(List.of(dir.resolve("run.yaml")), ran);
  }

  @Test
  void testingAHostThatIsDownSaysItIsUnreachable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    } // closed again: nothing listens there
    vm.setSshOptions(org.tunelab.run.ssh.SshOptions.defaults().withConnectTimeout(Duration.ofSeconds(5)));
    vm.testConnection(new SshHostForm("127.0.0.1", String.valueOf(port), "nobody", "", "", "", "", "", "", "",
        java.util.Map.of()));
    List<String> report = vm.hostReport();
    assertTrue(report.get(1).matches("\\s+FAIL\\s+reachable\\s+.*"), report.toString());
    assertEquals("the host does not work", report.get(report.size() - 1));
    assertFalse(vm.hostCheckRunningProperty().get());
  }

  @Test
  void startingFromAnExistingStudyTakesItsParameters() {
    SearchSpace used = SearchSpace.of(Param.of("lr", FloatDistribution.log(1e-4, 1e-1)));
    vm.files().newFromSpace("old", used);
    assertEquals("old-2", vm.field(DesignField.NAME).get());
    assertEquals(used, vm.spaceEditor().spaceProperty().get());
    assertNull(vm.files().fileProperty().get());
  }

  @Test
  void unsavedChangesStayWhenTheUserDoesNotDiscardThem() {
    vm.field(DesignField.NAME).set("precious");
    assertTrue(vm.files().dirtyProperty().get());
    vm.files().setDiscardGuard(() -> false);
    vm.files().newStudy();
    assertEquals("precious", vm.field(DesignField.NAME).get());
    vm.files().setDiscardGuard(() -> true);
    vm.files().newStudy();
    assertEquals("my-study", vm.field(DesignField.NAME).get());
    assertFalse(vm.files().dirtyProperty().get());
  }

  @Test
  void aBuiltinObjectiveNeedsNoCommandAndHasNoPreview() {
    vm.field(DesignField.OBJECTIVE_KIND).set("builtin");
    vm.field(DesignField.BUILTIN).set("sphere");
    assertEquals(List.of(), vm.problems());
    assertEquals("A built-in objective is evaluated inside TuneLab: no command runs.", vm.previewCommandProperty().get());
    vm.field(DesignField.BUILTIN).set("spere");
    assertEquals(List.of("objective.builtin"), fieldsWithProblems());
    assertTrue(vm.problems().get(0).message().contains("did you mean"), vm.problems().get(0).message());
  }
}
