package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Python Optuna 3.1 ({@code /usr/bin/python3}) opens a file TuneLab created at {@code v3.0.0.d}, reads
 * every kind of value back, and appends a trial TuneLab then reads. Skipped where Optuna 3.1 is not
 * installed, unless {@code -Dtunelab.requireOptuna=true}.
 */
class PythonOptunaInteropTest {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir
  Path dir;

  @BeforeAll
  static void needOptuna31() throws Exception {
    boolean required = Boolean.getBoolean("tunelab.requireOptuna");
    String version = "";
    try {
      if (Files.isExecutable(Path.of(PYTHON))) {
        version = run(List.of(PYTHON, "-c", "import optuna; print(optuna.__version__)")).strip();
      }
    } catch (AssertionError noOptuna) {
      version = "none (" + noOptuna.getMessage().strip() + ")";
    }
    if (!version.startsWith("3.1")) {
      if (required) throw new AssertionError("Optuna 3.1 is required but " + PYTHON + " has: " + version);
      Assumptions.abort("Optuna 3.1 not available at " + PYTHON);
    }
  }

  @Test
  void optuna31ReadsAndContinuesAStudyTuneLabWrote() throws Exception {
    Path file = dir.resolve("interop.db");
    try (SqliteStorage storage = SqliteStorage.open(file, OptunaSchema.V3_0_0_D)) {
      long id = storage.createStudy("interop", List.of(StudyDirection.MINIMIZE));
      storage.setStudyUserAttr(id, "note", "größe");
      FrozenTrial t = storage.createTrial(id, null);
      storage.updateTrial(t.trialId(), TrialUpdate.builder()
          .param("x", FloatDistribution.of(-5, 5), 1.5)
          .param("lr", FloatDistribution.log(1e-5, 0.1), 0.001)
          .param("n", IntDistribution.stepped(0, 10, 2), 4)
          .param("opt", CategoricalDistribution.of("adam", null, 3L, true), 1)
          .intermediateValue(0, Double.NaN).intermediateValue(1, Double.POSITIVE_INFINITY)
          .userAttr("nan", Double.NaN)
          .state(TrialState.COMPLETE).values(List.of(Double.NEGATIVE_INFINITY)).build());
      storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING)
          .systemAttr("fixed_params", java.util.Map.of("x", 2.0)).build());
    }
    String script = String.join("\n",
        "import sys, math, optuna",
        "optuna.logging.set_verbosity(optuna.logging.WARNING)",
        "s = optuna.load_study(study_name='interop', storage='sqlite:///' + sys.argv[1])",
        "t = s.trials[0]",
        "assert t.params == {'x': 1.5, 'lr': 0.001, 'n': 4, 'opt': None}, t.params",
        "assert t.values == [-math.inf], t.values",
        "assert math.isnan(t.intermediate_values[0]) and t.intermediate_values[1] == math.inf",
        "assert math.isnan(t.user_attrs['nan'])",
        "assert s.user_attrs == {'note': 'größe'}",
        "assert s.trials[1].state == optuna.trial.TrialState.WAITING and s.trials[1].datetime_start is None",
        "s.optimize(lambda tr: tr.suggest_float('x', -5, 5) ** 2, n_trials=2)",
        "print(len(s.trials), s.trials[1].params['x'], s.trials[1].state.name)");
    String out = run(List.of(PYTHON, "-c", script, file.toString()));
    assertTrue(out.strip().endsWith("3 2.0 COMPLETE"), out);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertEquals(OptunaSchema.V3_0_0_D, storage.schema());
      List<FrozenTrial> trials = storage.trials(storage.studyId("interop"));
      assertEquals(List.of(0, 1, 2), trials.stream().map(FrozenTrial::number).toList());
      assertEquals(2.0, trials.get(1).params().get("x"));
      assertEquals(TrialState.COMPLETE, trials.get(2).state());
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(command.get(0) + " failed:\n" + out);
    return out;
  }
}
