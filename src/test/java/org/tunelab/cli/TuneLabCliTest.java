package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.json.PythonFloat;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.Storage;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.FrozenTrial;

/** The command line end to end, in process, on real spec files and SQLite files. */
class TuneLabCliTest {
  @TempDir Path dir;

  /** What one command line printed and returned. */
  record Result(int code, String out, String err) {}

  static Result tunelab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private Path spec(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body);
  }

  private Path branin(int trials) throws IOException {
    return spec("branin.yaml", """
        name: branin
        storage: sqlite:///studies.db
        sampler: {type: random, seed: 5}
        space:
          x: {type: float, low: -5, high: 10}
          y: {type: float, low: 0, high: 15}
        objective: {builtin: branin}
        trials: %d
        """.formatted(trials));
  }

  private List<FrozenTrial> trials(String study) {
    try (Storage s = SqliteStorage.openReadOnly(dir.resolve("studies.db"))) {
      return s.trials(s.studyId(study));
    }
  }

  @Test
  void runCreatesTheStudyBesideTheSpecAndPrintsTheBestResult() throws IOException {
    Result r = tunelab("run", branin(20).toString());
    assertEquals(0, r.code(), r.err());
    List<FrozenTrial> trials = trials("branin");
    assertEquals(20, trials.size());
    double best = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    assertTrue(r.out().contains("best value: " + PythonFloat.repr(best) + "\n"), r.out());
    assertTrue(r.out().startsWith("study branin: 20 trials run"), r.out());
    assertTrue(r.err().contains("trial 20/20  best " + PythonFloat.repr(best)), r.err());
  }

  @Test
  void runRecordsItsSpecSoTheAppCanStartTheStudyAgain() throws IOException {
    Path spec = branin(2);
    assertEquals(0, tunelab("run", spec.toString(), "--quiet").code());
    try (Storage s = SqliteStorage.openReadOnly(dir.resolve("studies.db"))) {
      assertEquals(spec.toAbsolutePath().normalize().toString(),
          s.studySystemAttrs(s.studyId("branin")).get(org.tunelab.run.RunStatus.SPEC_ATTR));
    }
  }

  @Test
  void runTwiceContinuesTheStudyAndCommandLineOverridesTheBudget() throws IOException {
    Path spec = branin(5);
    assertEquals(0, tunelab("run", spec.toString(), "--quiet").code());
    Result second = tunelab("run", spec.toString(), "--trials", "7", "--workers", "2", "--quiet");
    assertEquals(0, second.code(), second.err());
    assertEquals("", second.err());
    assertEquals(12, trials("branin").size());
  }

  @Test
  void runWithSeveralObjectivesPrintsTheParetoFrontSize() throws IOException {
    Files.writeString(dir.resolve("two.sh"), "echo \"@tunelab {\\\"values\\\": [$1, $(( 10 - $1 ))]}\"\n");
    Path spec = spec("mo.yaml", """
        name: mo
        storage: sqlite:///studies.db
        directions: [minimize, minimize]
        sampler: {type: grid}
        space:
          n: {type: int, low: 0, high: 3}
        objective: {command: "sh two.sh {n}", timeout: 30s}
        trials: 10
        """);
    Result r = tunelab("run", spec.toString(), "-q");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Pareto front: 4 trial(s)"), r.out());
  }

  @Test
  void missingSpecFileIsAUsageError() {
    Result r = tunelab("run", dir.resolve("nope.yaml").toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals(dir.resolve("nope.yaml") + ": no such file\n", r.err());
  }

  @Test
  void specErrorPrintsFileLineAndFieldWithoutAStackTrace() throws IOException {
    Path spec = spec("bad.yaml", "name: bad\nspace:\n  lr: {type: float, low: 0, high: 1, log: true}\nobjective: {builtin: sphere}\n");
    Result r = tunelab("run", spec.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals(spec + ":3: space.lr.low: must be > 0 for a log scale, got 0.0\n", r.err());
  }

  @Test
  void specThatDoesNotMatchItsExistingStudyIsAUsageErrorListingTheDifferences() throws IOException {
    assertEquals(0, tunelab("run", branin(3).toString(), "-q").code());
    Path changed = spec("branin.yaml", Files.readString(dir.resolve("branin.yaml")).replace("high: 15}", "high: 15, log: true}")
        .replace("low: 0,", "low: 1,"));
    Result r = tunelab("run", changed.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("space.y: float [0.0, 15.0] in the study, float [1.0, 15.0] log in the spec"), r.err());
  }

  @Test
  void runWhoseTrialsAllFailStopsEarlyAndExitsWithRuntimeError() throws IOException {
    Path spec = spec("fail.yaml", """
        name: failing
        storage: sqlite:///studies.db
        space:
          x: {type: float, low: 0, high: 1}
        objective: {command: "sh -c 'exit 4'"}
        trials: 100
        """);
    Result r = tunelab("run", spec.toString(), "-q");
    assertEquals(ExitCode.RUNTIME, r.code());
    assertTrue(r.err().contains("tunelab: error: all 5 trials of this run failed; last: trial 4: "), r.err());
    assertEquals(5, trials("failing").size());
  }

  @Test
  void studiesListsNamesDirectionsStateCountsAndFullPrecisionBest() throws IOException {
    assertEquals(0, tunelab("run", branin(10).toString(), "-q").code());
    double best = trials("branin").stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    Result csv = tunelab("studies", dir.resolve("studies.db").toString(), "--format", "csv");
    assertEquals(0, csv.code(), csv.err());
    assertEquals("name,directions,complete,pruned,fail,running,waiting,best_value\n"
        + "branin,minimize,10,0,0,0,0," + PythonFloat.repr(best) + "\n", csv.out());
    Result table = tunelab("studies", "sqlite:///" + dir.resolve("studies.db"));
    assertTrue(table.out().lines().skip(1).findFirst().orElseThrow().startsWith("branin  "), table.out());
  }

  @Test
  void trialsCsvHasAHeaderAndOneRowPerTrialWithFullPrecisionValues() throws IOException {
    assertEquals(0, tunelab("run", branin(12).toString(), "-q").code());
    Result r = tunelab("trials", dir.resolve("studies.db").toString(), "--study", "branin", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("number,state,value,datetime_start,datetime_complete,duration,params_x,params_y", lines.get(0));
    assertEquals(13, lines.size());
    FrozenTrial seventh = trials("branin").get(7);
    String[] cells = lines.get(8).split(",");
    assertEquals(List.of("7", "COMPLETE", PythonFloat.repr(seventh.value())), List.of(cells[0], cells[1], cells[2]));
    assertEquals(PythonFloat.repr((Double) seventh.params().get("x")), cells[6]);
  }

  @Test
  void trialsJsonIsAnArrayOfObjectsAndStatesFilterRows() throws IOException {
    assertEquals(0, tunelab("run", branin(4).toString(), "-q").code());
    Result r = tunelab("trials", dir.resolve("studies.db").toString(), "--study", "branin", "--format", "json",
        "--states", "complete,running");
    assertEquals(0, r.code(), r.err());
    List<?> rows = (List<?>) PythonJson.read(r.out());
    assertEquals(4, rows.size());
    Map<?, ?> first = (Map<?, ?>) rows.get(0);
    assertEquals(trials("branin").get(0).value(), first.get("value"));
    assertEquals(trials("branin").get(0).params(), first.get("params"));
    Result none = tunelab("trials", dir.resolve("studies.db").toString(), "--study", "branin", "--states", "FAIL",
        "--format", "csv");
    assertEquals(List.of("number,state,value,datetime_start,datetime_complete,duration"), none.out().lines().toList());
  }

  @Test
  void unknownStudyExitsWith3AndListsTheStudies() throws IOException {
    assertEquals(0, tunelab("run", branin(1).toString(), "-q").code());
    Result r = tunelab("trials", dir.resolve("studies.db").toString(), "--study", "brannin");
    assertEquals(ExitCode.STUDY_NOT_FOUND, r.code());
    assertEquals("tunelab: error: no study named \"brannin\"; studies: branin\n", r.err());
  }

  @Test
  void readingAMissingDatabaseFailsWithoutCreatingIt() {
    Path db = dir.resolve("missing.db");
    Result r = tunelab("studies", db.toString());
    assertEquals(ExitCode.RUNTIME, r.code());
    assertEquals("tunelab: error: no database at " + db + "\n", r.err());
    assertFalse(Files.exists(db));
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    assertEquals(ExitCode.USAGE, tunelab("studies", "x.db", "--format", "xml").code());
    assertEquals(ExitCode.USAGE, tunelab("run", branin(1).toString(), "--timeout", "soon").code());
    assertEquals(ExitCode.USAGE, tunelab("frobnicate").code());
    assertEquals(ExitCode.USAGE, tunelab("studies", "postgresql://db/x").code());
  }

  @Test
  void versionAndHelpExitZero() {
    Result version = tunelab("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("tunelab "), version.out());
    Result help = tunelab("trials", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--states"), help.out());
  }

  @Test
  void benchStorageWritesReadsAndReportsEachMeasurement() {
    Result r = tunelab("bench-storage", "--trials", "5", "--writers", "2", "--trials-per-writer", "3",
        "--dir", dir.resolve("bench").toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    assertTrue(lines.get(0).matches("write optuna +5 trials .*"), lines.get(0));
    assertTrue(lines.get(2).startsWith("concurrent 2 writers x 3 trials"), lines.get(2));
    assertTrue(lines.get(3).startsWith("read write-batched.db (bench, 5 trials)"), lines.get(3));
  }
}
