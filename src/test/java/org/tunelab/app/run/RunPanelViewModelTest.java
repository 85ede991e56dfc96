package org.tunelab.app.run;

import org.tunelab.app.DirectTaskExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.app.DialogService;
import org.tunelab.run.RunStatus;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.StudyControl;
import org.tunelab.space.FloatDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** The run panel's view model against a real SQLite store and a real log file. */
class RunPanelViewModelTest {
  @TempDir Path dir;
  private SqliteStorage storage;
  private Study study;
  private FrozenTrial running;
  private Path log;
  private final RunPanelViewModel vm = new RunPanelViewModel(new DirectTaskExecutor(), new NoDialogs());

  /** Fails the test on any error dialog. */
  private static final class NoDialogs implements DialogService {
    @Override
    public void showError(String title, String message, Throwable details) {
      throw new AssertionError(title + ": " + message, details);
    }

    @Override
    public void showInformation(String title, String message) {}

    @Override
    public Optional<Path> showOpenDatabaseDialog(Path initialDirectory) {
      return Optional.empty();
    }

    @Override
    public Optional<Path> showSaveDialog(String title, String suggestedName, List<String> extensions) {
      return Optional.empty();
    }
  }

  @BeforeEach
  void aStudyWithARunningTrial() throws Exception {
    storage = SqliteStorage.open(dir.resolve("p.db"));
    study = Study.builder(storage).name("panel").build();
    log = dir.resolve("trial-0.log");
    Files.writeString(log, "epoch 1 loss 0.9\n");
    running = storage.createTrial(study.id(), TrialUpdate.builder()
        .param("x", FloatDistribution.of(0, 1), 0.25).systemAttr("tunelab:log", log.toString()).build());
    storage.setStudySystemAttr(study.id(), RunStatus.ATTR,
        new RunStatus(RunnerIdentity.self(), System.currentTimeMillis() - 1000, 10, null, 2, 0, null).toAttr());
    vm.setStorage(storage);
    vm.setStudy(study.id(), storage.trials(study.id()));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void showsWhereTheRunStandsAndItsRunningTrials() {
    RunOverview o = vm.overviewProperty().get();
    assertEquals(RunOverview.RunState.RUNNING, o.state());
    assertEquals("0 of 10 trials", o.progressText());
    assertEquals(List.of(0), vm.slotRows().stream().map(RunOverview.SlotRow::number).toList());
    assertEquals("x=0.25", vm.slotRows().get(0).params());
  }

  @Test
  void pauseResumeSlotsAndStopAreWrittenToTheStudyControl() {
    vm.pause();
    assertEquals(StudyControl.PAUSED, StudyControl.read(storage, study.id()).state());
    assertEquals(RunOverview.RunState.PAUSED, vm.overviewProperty().get().state());
    vm.resume();
    assertEquals(StudyControl.RUNNING, StudyControl.read(storage, study.id()).state());
    vm.setSlots(3);
    assertEquals(3, StudyControl.read(storage, study.id()).slots());
    assertEquals(3, vm.overviewProperty().get().slots());
    vm.stopNow();
    StudyControl stopped = StudyControl.read(storage, study.id());
    assertEquals(StudyControl.STOPPED, stopped.state());
    assertTrue(stopped.kill());
  }

  @Test
  void killAsksForTheTrialToBeKilledThroughTheStore() {
    vm.killTrial(running.trialId());
    assertTrue(storage.trial(running.trialId()).systemAttrs().containsKey(StudyControl.KILL_ATTR));
  }

  @Test
  void rerunAndEnqueueAddWaitingTrialsWithFixedParameters() {
    vm.rerun(0);
    vm.enqueue(Map.of("x", 0.75));
    List<FrozenTrial> waiting = storage.trials(study.id(), java.util.Set.of(TrialState.WAITING));
    assertEquals(List.of(Map.of("x", 0.25), Map.of("x", 0.75)),
        waiting.stream().map(t -> t.systemAttrs().get("fixed_params")).toList());
  }

  @Test
  void theSelectedTrialsOutputFollowsItsLog() throws Exception {
    vm.selectTrial(0, log.toString());
    assertEquals("epoch 1 loss 0.9\n", vm.outputProperty().get());
    Files.writeString(log, "epoch 2 loss 0.5\n", StandardOpenOption.APPEND);
    vm.poll();
    assertEquals("epoch 1 loss 0.9\nepoch 2 loss 0.5\n", vm.outputProperty().get());
    vm.followProperty().set(false);
    Files.writeString(log, "epoch 3\n", StandardOpenOption.APPEND);
    vm.poll();
    assertEquals("epoch 1 loss 0.9\nepoch 2 loss 0.5\n", vm.outputProperty().get(), "not following: unchanged");
  }
}
