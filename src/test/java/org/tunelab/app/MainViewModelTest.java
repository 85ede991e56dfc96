package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.storage.StudySummary;
import org.tunelab.study.Objective;
import org.tunelab.study.Study;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** The main view model without JavaFX: in-memory stores, a synchronous executor, a recording dialog service. */
class MainViewModelTest {
  private static final Objective SQUARE = t -> {
    double x = t.suggestFloat("x", -2, 2);
    return x * x;
  };

  @TempDir Path dir;
  private final ManualTaskExecutor executor = new ManualTaskExecutor();
  private final RecordingDialogService dialogs = new RecordingDialogService();
  private final InMemoryOpener opener = new InMemoryOpener();
  private MainViewModel vm;
  private Path dbPath;
  private InMemoryStorage storage;

  @BeforeEach
  void setUp() {
    AppPaths paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
    vm = new MainViewModel(new AppContext(opener, executor, dialogs, paths, Duration.ofMillis(500), 5, Duration.ZERO));
    dbPath = dir.resolve("studies.db");
    storage = opener.add(dbPath);
  }

  private Study study(String name, int trials) {
    Study s = Study.builder(storage).name(name).directions(StudyDirection.MINIMIZE)
        .sampler(new RandomSampler(7)).loadIfExists().build();
    if (trials > 0) s.optimize(SQUARE, trials);
    return s;
  }

  private void openAndSettle() {
    vm.open(DatabaseLocation.of(dbPath), null);
    executor.settle();
    executor.tick();
  }

  private List<String> studyNames() {
    return vm.studies().stream().map(StudySummary::name).toList();
  }

  private List<Integer> rowNumbers() {
    return vm.study().rows().stream().map(TrialRow::number).toList();
  }

  @Test
  void listsTheStudiesOfAnOpenedDatabaseAndSelectsTheFirst() {
    study("alpha", 3);
    study("beta", 2);
    openAndSettle();
    assertEquals(List.of("alpha", "beta"), studyNames());
    assertEquals(vm.studies().get(0).studyId(), vm.selectedStudyIdProperty().get());
    assertEquals(LiveState.LIVE, vm.liveProperty().get());
    assertTrue(vm.titleProperty().get().startsWith("TuneLab "));
    assertTrue(vm.titleProperty().get().endsWith("studies.db"));
  }

  @Test
  void selectingAStudyShowsItsTrialsParamsAndHistory() {
    study("alpha", 3);
    Study beta = study("beta", 4);
    openAndSettle();
    vm.selectStudy(beta.id());
    executor.settle();
    assertEquals("beta", vm.study().nameProperty().get());
    assertEquals(List.of(0, 1, 2, 3), rowNumbers());
    assertEquals(List.of("x"), List.copyOf(vm.study().paramNames()));
    assertEquals(4, vm.study().historyProperty().get().points().size());
    double first = beta.trials().get(0).value();
    assertEquals(first, vm.study().rows().get(0).value(0));
    assertEquals("4 trials: 4 complete", vm.study().countsTextProperty().get());
  }

  @Test
  void picksUpTrialsAnotherWriterAddsWhileOpen() {
    Study s = study("alpha", 2);
    openAndSettle();
    assertEquals(List.of(0, 1), rowNumbers());
    s.optimize(SQUARE, 3);
    executor.tick();
    assertEquals(List.of(0, 1, 2, 3, 4), rowNumbers());
    assertEquals(5, vm.studies().get(0).trialCount());
  }

  @Test
  void doesNotTouchTheUiWhenTheDatabaseDidNotChange() {
    study("alpha", 2);
    openAndSettle();
    int before = executor.uiTasksRun;
    executor.tick();
    executor.tick();
    assertEquals(before, executor.uiTasksRun);
  }

  @Test
  void aBurstOfWritesBecomesOneUiUpdate() {
    Study s = study("alpha", 1);
    openAndSettle();
    int before = executor.uiTasksRun;
    // several polls before the UI thread gets a turn: only one delivery may be queued
    for (int i = 0; i < 5; i++) {
      s.optimize(SQUARE, 1);
      vm.refresh();
    }
    assertEquals(1, executor.pendingUiTasks());
    executor.settle();
    assertEquals(before + 1, executor.uiTasksRun);
    assertEquals(6, vm.study().rows().size());
  }

  @Test
  void showsARunningTrialAndThenItsResultInTheSameRow() {
    Study s = study("alpha", 1);
    var trial = s.ask();
    openAndSettle();
    assertEquals(TrialState.RUNNING, vm.study().rows().get(1).state());
    s.tell(trial, 1.5);
    executor.tick();
    assertEquals(TrialState.COMPLETE, vm.study().rows().get(1).state());
    assertEquals(1.5, vm.study().rows().get(1).value(0));
  }

  @Test
  void aMissingFileShowsAnErrorAndLeavesTheWelcomePane() {
    vm.open(DatabaseLocation.of(dir.resolve("nope.db")), null);
    executor.settle();
    assertEquals(1, dialogs.errors().size());
    assertEquals("Cannot open database", dialogs.errors().get(0).title());
    assertNull(vm.databaseProperty().get());
    assertEquals(LiveState.CLOSED, vm.liveProperty().get());
  }

  @Test
  void aStoreThatFailsToReadMarksTheViewNotLiveAndRecovers() {
    study("alpha", 1);
    FailingOpener failing = new FailingOpener(storage);
    vm = new MainViewModel(new AppContext(failing, executor, dialogs, new AppPaths(dir, dir), Duration.ofMillis(500), 5,
        Duration.ZERO));
    vm.open(DatabaseLocation.of(dbPath), null);
    executor.settle();
    executor.tick();
    failing.store.failing = true;
    executor.tick();
    assertEquals(LiveState.FAILED, vm.liveProperty().get());
    assertTrue(vm.problemProperty().get().contains("disk on fire"), vm.problemProperty().get());
    failing.store.failing = false;
    executor.tick();
    assertEquals(LiveState.LIVE, vm.liveProperty().get());
  }

  @Test
  void closingStopsPollingAndClearsTheStudy() {
    study("alpha", 2);
    openAndSettle();
    vm.closeDatabase();
    executor.settle();
    assertEquals(0, executor.periodicTasks());
    assertNull(vm.databaseProperty().get());
    assertEquals(List.of(), studyNames());
    assertEquals(List.of(), rowNumbers());
  }

  @Test
  void remembersOpenedDatabasesNewestFirst() {
    Path other = dir.resolve("other.db");
    opener.add(other);
    openAndSettle();
    vm.open(DatabaseLocation.of(other), null);
    executor.settle();
    assertEquals(List.of(other, dbPath), List.copyOf(vm.recentFiles()));
    MainViewModel restarted = new MainViewModel(new AppContext(opener, executor, dialogs,
        new AppPaths(dir.resolve("config"), dir.resolve("data")), Duration.ofMillis(500), 5, Duration.ZERO));
    restarted.loadPreferences();
    executor.settle();
    assertEquals(List.of(other, dbPath), List.copyOf(restarted.recentFiles()));
  }

  @Test
  void aRecentFileThatVanishedIsRemovedWithAMessage() throws Exception {
    Path gone = dir.resolve("gone.db");
    Files.writeString(gone, "x");
    opener.add(gone);
    vm.open(DatabaseLocation.of(gone), null);
    executor.settle();
    Files.delete(gone);
    vm.openRecent(gone);
    executor.settle();
    assertEquals(List.of(), List.copyOf(vm.recentFiles()));
    assertTrue(vm.notificationProperty().get().contains("gone.db"), vm.notificationProperty().get());
    vm.dismissNotification();
    assertEquals("", vm.notificationProperty().get());
  }

  @Test
  void openWithChooserOpensTheChosenFile() {
    study("alpha", 1);
    dialogs.nextChosenFile = dbPath;
    vm.openWithChooser();
    executor.settle();
    executor.tick();
    assertEquals(List.of("alpha"), studyNames());
  }

  @Test
  void theDemoRunsItsTrialsIntoItsOwnDatabaseAndShowsThem() {
    vm.runDemo();
    executor.settle();
    executor.tick();
    assertEquals(dir.resolve("data").resolve("demo.db"), vm.databaseProperty().get().file());
    assertEquals("branin-demo", vm.study().nameProperty().get());
    assertEquals(List.of(0, 1, 2, 3, 4), rowNumbers());
    assertEquals(List.of("x", "y"), List.copyOf(vm.study().paramNames()));
    assertEquals(false, vm.demo().runningProperty().get());
    assertEquals("Demo finished", vm.demo().statusProperty().get());
    assertEquals(List.of(), dialogs.shown);
  }

  @Test
  void aSecondDemoRunContinuesTheSameStudy() {
    vm.runDemo();
    executor.settle();
    vm.runDemo();
    executor.settle();
    executor.tick();
    assertEquals(10, vm.study().rows().size());
    assertEquals(List.of("branin-demo"), studyNames());
  }
}
