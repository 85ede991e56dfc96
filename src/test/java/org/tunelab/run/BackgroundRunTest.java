package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.TrialState;

/**
 * {@code tunelab run} started as a separate process, steered only through the store: slots, pause,
 * resume and stop reach it, and it records where it stands.
 */
class BackgroundRunTest {
  @TempDir Path dir;
  private BackgroundRun run;
  private SqliteStorage storage;

  @AfterEach
  void cleanUp() throws Exception {
    if (run != null && run.isAlive()) {
      // its trials first: a run killed alone leaves them waiting for a go file that never comes
      ProcessHandle.of(run.pid()).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
      run.onExit().get(30, TimeUnit.SECONDS);
    }
    if (storage != null) storage.close();
  }

  /** A spec whose trials wait for the file {@code go} before they print their value. */
  static Path writeSpec(Path dir, int trials) throws Exception {
    Files.writeString(dir.resolve("trial.sh"), "while [ ! -f go ]; do sleep 0.05; done\necho $1\n");
    return Files.writeString(dir.resolve("study.yaml"), """
        name: background
        storage: sqlite:///bg.db
        directions: [minimize]
        sampler: {type: random, seed: 3}
        space:
          x: {type: float, low: 0, high: 1}
        objective:
          command: "sh trial.sh {x}"
        executors: [{type: local, slots: 1}]
        trials: %d
        """.formatted(trials));
  }

  private long studyId() throws InterruptedException {
    waitFor(() -> Files.exists(dir.resolve("bg.db")));
    storage = SqliteStorage.open(dir.resolve("bg.db"));
    waitFor(() -> storage.findStudy("background").isPresent());
    return storage.findStudy("background").getAsLong();
  }

  private int running(long studyId) {
    return storage.trials(studyId, Set.of(TrialState.RUNNING)).size();
  }

  private void waitFor(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      if (condition.getAsBoolean()) return;
      if (run != null && !run.isAlive()) break;
      Thread.sleep(50);
    }
    assertTrue(condition.getAsBoolean(), "condition never held; run output:\n" + run.outputTail(40));
  }

  @Test
  void theCommandRunsThisProgramAgainWithRun() {
    List<String> command = BackgroundRun.command(Path.of("/tmp/s.yaml"), List.of("--slots", "2"));
    assertEquals(List.of("run", "/tmp/s.yaml", "--slots", "2"), command.subList(command.size() - 4, command.size()));
    assertTrue(command.contains(BackgroundRun.MAIN_CLASS), command.toString());
  }

  @Test
  void relativeClassPathEntriesAreMadeAbsoluteBecauseTheRunStartsElsewhere() {
    String cwd = System.getProperty("user.dir");
    assertEquals("/opt/a.jar:" + cwd + "/target/classes:" + cwd + "/target/lib/*",
        BackgroundRun.absoluteClassPath("/opt/a.jar:target/classes:target/lib/*"));
  }

  @Test
  void aBackgroundRunIsSteeredThroughTheStoreAndRecordsWhereItStands() throws Exception {
    Path spec = writeSpec(dir, 500);
    run = BackgroundRun.start(spec, dir.resolve("bg.db-logs/run.out"), List.of());
    long id = studyId();
    waitFor(() -> RunStatus.read(storage, id).map(s -> s.runner().pid() == run.pid() && s.isActive()).orElse(false));
    waitFor(() -> running(id) == 1);

    StudyControl.slots(storage, id, 3);
    waitFor(() -> running(id) == 3);

    StudyControl.pause(storage, id);
    Files.writeString(dir.resolve("go"), "");
    waitFor(() -> running(id) == 0);
    int pausedAt = storage.trials(id).size();

    StudyControl.resume(storage, id);
    waitFor(() -> storage.trials(id).size() > pausedAt);

    StudyControl.stop(storage, id);
    assertEquals(0, run.onExit().get(60, TimeUnit.SECONDS), run.outputTail(40));
    RunStatus ended = RunStatus.read(storage, id).orElseThrow();
    assertEquals("STOPPED", ended.reason());
    assertEquals(0, running(id));
    assertTrue(Files.size(run.output()) > 0, "the run's output file is empty");
  }
}
