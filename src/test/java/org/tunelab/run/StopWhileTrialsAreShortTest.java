package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.TrialState;

/** A stop given through the store while short trials run is honoured before further trials start. */
class StopWhileTrialsAreShortTest {
  @TempDir Path dir;

  @Test
  void aStopWrittenByAnotherConnectionIsHonouredBeforeWaitingTrialsAreReleased() throws Exception {
    SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));
    try (SqliteStorage runStore = SqliteStorage.open(dir.resolve("s.db")); SqliteStorage app = SqliteStorage.open(dir.resolve("s.db"))) {
      Study study = RunFixtures.study(runStore, "probe", Pruner.none());
      RunFixtures.script(dir, "t.sh", "while [ ! -f '" + dir.resolve("go") + "' ]; do sleep 0.05; done\necho $1\n");
      LocalExecutor ex = new LocalExecutor(study, new CommandTrialRunner(RunFixtures.command(dir, "sh t.sh {x}", space,
          Duration.ofMinutes(1))), ExecutorOptions.slots(2).withTrials(30).withSpace(space).withLogDir(dir.resolve("logs")));
      CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(ex::run);
      while (app.trials(study.id(), Set.of(TrialState.RUNNING)).size() < 2) Thread.sleep(50);
      StudyControl.stop(app, study.id());
      Files.writeString(dir.resolve("go"), "");
      ExecutionResult r = run.get(60, TimeUnit.SECONDS);
      assertEquals(ExecutionResult.Reason.STOPPED, r.reason(), "started " + r.started());
    }
  }
}
