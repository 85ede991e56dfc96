package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.StudyControl;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** pause, resume, slots, stop and recover on a real file, as another terminal would use them. */
class StudyControlCommandsTest {
  @TempDir Path dir;

  private String[] run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(expectedCode, code, err.toString());
    return new String[] {out.toString(), err.toString()};
  }

  private Path db() {
    Path file = dir.resolve("c.db");
    try (SqliteStorage s = SqliteStorage.open(file)) {
      s.createStudy("c", List.of(StudyDirection.MINIMIZE));
    }
    return file;
  }

  private StudyControl control(Path file) {
    try (SqliteStorage s = SqliteStorage.openReadOnly(file)) {
      return StudyControl.of(s.studySystemAttrs(s.studyId("c")));
    }
  }

  @Test
  void pauseSlotsResumeAndStopWriteTheStudysControl() {
    Path file = db();
    assertEquals("study c: paused\n", run(0, "pause", file.toString(), "--study", "c")[0]);
    assertEquals("study c: paused, 3 slot(s)\n", run(0, "slots", file.toString(), "--study", "c", "3")[0]);
    assertEquals("study c: running, 3 slot(s)\n", run(0, "resume", file.toString(), "--study", "c")[0]);
    run(0, "stop", file.toString(), "--study", "c", "--now");
    StudyControl c = control(file);
    assertEquals(StudyControl.STOPPED, c.state());
    assertEquals(3, c.slots());
    assertTrue(c.kill());
  }

  @Test
  void refusesAMissingFileAStudyThatDoesNotExistAndBadSlots() {
    assertTrue(run(1, "pause", dir.resolve("none.db").toString(), "--study", "c")[1].contains("no database at"));
    Path file = db();
    assertTrue(run(3, "pause", file.toString(), "--study", "d")[1].contains("no study named \"d\""));
    assertTrue(run(2, "slots", file.toString(), "--study", "c", "0")[1].contains("N must be >= 1, got 0"));
  }

  @Test
  void stopNowFromAnotherTerminalKillsTheRunningTrials() throws Exception {
    Path file = db();
    SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder(storage).name("c").load();
      LocalExecutor executor = new LocalExecutor(study, (trial, context) -> {
        Thread.sleep(60_000);
        return List.of(0.0);
      }, ExecutorOptions.slots(2).withSpace(space));
      CompletableFuture<ExecutionResult> result = CompletableFuture.supplyAsync(executor::run);
      Thread.sleep(300);
      run(0, "stop", file.toString(), "--study", "c", "--now");
      ExecutionResult r = result.get(10, TimeUnit.SECONDS);
      assertEquals(ExecutionResult.Reason.INTERRUPTED, r.reason());
      assertEquals(2, study.trials(java.util.Set.of(TrialState.FAIL)).size());
    }
  }

  @Test
  void recoverFailsAndRequeuesTheTrialsOfADeadRunner() throws Exception {
    Path file = db();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try (SqliteStorage s = SqliteStorage.open(file)) {
      long trialId = s.createTrial(s.studyId("c"), null).trialId();
      s.updateTrial(trialId, TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 0.25)
          .systemAttr(RunnerIdentity.ATTR, new RunnerIdentity(RunnerIdentity.self().host(), gone.pid(), 1).toAttr()).build());
    }
    String out = run(0, "recover", file.toString(), "--study", "c", "--retries", "1")[0];
    assertEquals("trial 0: FAIL (its runner (pid " + gone.pid() + " on " + RunnerIdentity.self().host() + ") died),"
        + " re-queued as trial 1\nstudy c: 1 stale trial(s) recovered\n", out);
    try (SqliteStorage s = SqliteStorage.openReadOnly(file)) {
      assertEquals(List.of(TrialState.FAIL, TrialState.WAITING),
          s.trials(s.studyId("c")).stream().map(t -> t.state()).toList());
    }
  }

  @Test
  void recoverSaysWhenTheRecordedSpecIsGoneAndStillRecovers() throws Exception {
    Path file = db();
    try (SqliteStorage s = SqliteStorage.open(file)) {
      s.setStudySystemAttr(s.studyId("c"), org.tunelab.run.RunStatus.SPEC_ATTR, dir.resolve("moved.yaml").toString());
    }
    String[] outErr = run(0, "recover", file.toString(), "--study", "c");
    assertEquals("study c: 0 stale trial(s) recovered\n", outErr[0]);
    assertTrue(outErr[1].contains("the study's spec " + dir.resolve("moved.yaml") + " is gone: programs left on SSH hosts"
        + " are not ended (pass --spec)"), outErr[1]);
  }

  @Test
  void recoverRefusesASpecItCannotReadNamingTheFile() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(bad, "name: c\nspace: [\n");
    String err = run(ExitCode.USAGE, "recover", db().toString(), "--study", "c", "--spec", bad.toString())[1];
    assertTrue(err.contains("bad.yaml"), err);
  }
}
