package org.tunelab.analysis.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.Storage;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * fANOVA agrees with Optuna 3.1's {@code get_param_importances} on the Optuna-written fixture studies:
 * both averaged over four forest seeds (the forests differ, NumPy's generator against Java's), every
 * importance within 0.06, and the ranking the same wherever Optuna's importances are clearly apart.
 * Skips without Python Optuna unless {@code tunelab.requireOptuna=true}.
 */
class FanovaOptunaTest {
  private static final int SEEDS = 4;
  private static final String SCRIPT = """
      import sys, json, optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      path, name, obj = sys.argv[1], sys.argv[2], int(sys.argv[3])
      study = optuna.load_study(study_name=name, storage="sqlite:///" + path)
      target = (lambda t: t.values[obj]) if len(study.directions) > 1 else None
      total = {}
      for seed in range(%d):
          imp = optuna.importance.get_param_importances(study,
              evaluator=optuna.importance.FanovaImportanceEvaluator(seed=seed), target=target)
          for k, v in imp.items():
              total[k] = total.get(k, 0.0) + v / %d
      print(json.dumps(total))
      """.formatted(SEEDS, SEEDS);

  @TempDir Path dir;

  @ParameterizedTest(name = "{1} objective {2}")
  @CsvSource({"single.db, single, 0", "multi_objective.db, mo2, 1", "three_objective.db, mo3, 2"})
  void agreesWithOptunaOnFixtureStudies(String file, String study, int objective) throws Exception {
    Path db = dir.resolve(file);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/optuna-3.1/" + file)) {
      Files.copy(in, db);
    }
    Map<String, Object> optuna = PythonJson.readObject(python(db, study, objective).trim());
    Map<String, Double> ours = new LinkedHashMap<>();
    try (Storage s = SqliteStorage.openReadOnly(db)) {
      long id = s.studyId(study);
      List<FrozenTrial> trials = s.trials(id);
      List<StudyDirection> directions = s.directions(id);
      for (int seed = 0; seed < SEEDS; seed++) {
        new FanovaEvaluator(seed).evaluate(trials, directions, objective).asMap()
            .forEach((k, v) -> ours.merge(k, v / SEEDS, Double::sum));
      }
    }
    assertEquals(optuna.keySet(), ours.keySet());
    for (String p : optuna.keySet()) {
      double expected = ((Number) optuna.get(p)).doubleValue();
      assertEquals(expected, ours.get(p), 0.06, p + ": Optuna " + optuna + ", TuneLab " + ours);
    }
    List<String> names = new ArrayList<>(optuna.keySet());
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        double oa = ((Number) optuna.get(names.get(a))).doubleValue();
        double ob = ((Number) optuna.get(names.get(b))).doubleValue();
        if (Math.abs(oa - ob) < 0.04) continue; // too close to call for either implementation
        assertTrue(oa > ob == ours.get(names.get(a)) > ours.get(names.get(b)),
            names.get(a) + " vs " + names.get(b) + ": Optuna " + optuna + ", TuneLab " + ours);
      }
    }
  }

  private String python(Path db, String study, int objective) throws IOException, InterruptedException {
    String python = "/usr/bin/python3";
    Process probe = new ProcessBuilder(python, "-c", "import optuna, sklearn").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
      String message = "Python Optuna with scikit-learn is not installed (apt-get install python3-optuna python3-sklearn)";
      if (Boolean.getBoolean("tunelab.requireOptuna")) fail(message);
      Assumptions.assumeTrue(false, message);
    }
    Path script = Files.writeString(dir.resolve("importance.py"), SCRIPT);
    Process p = new ProcessBuilder(python, script.toString(), db.toString(), study, Integer.toString(objective))
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) fail("python failed: " + Files.readString(dir.resolve("stderr.txt")));
    return out;
  }
}
