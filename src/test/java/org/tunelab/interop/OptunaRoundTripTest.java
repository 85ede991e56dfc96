package org.tunelab.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.cli.TuneLabCli;
import org.tunelab.storage.Storage;
import org.tunelab.storage.Storages;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Both directions with real Python Optuna 3.1: a study Optuna wrote is continued by TuneLab and read
 * back by Optuna with every trial intact; a study TuneLab wrote in a 3.1-compatible file is read and
 * continued by Optuna.
 */
class OptunaRoundTripTest {
  @TempDir Path dir;

  @BeforeEach
  void needsOptuna() {
    PythonOptuna.assumeAvailable();
  }

  private static List<FrozenTrial> readWithTuneLab(Path db, String study) {
    try (Storage s = SqliteStorage.openReadOnly(db)) {
      return s.trials(s.studyId(study));
    }
  }

  @Test
  void studyWrittenByOptunaIsContinuedByTuneLabAndReadBackIntact() throws Exception {
    Path db = dir.resolve("optuna.db");
    PythonOptuna.run(dir, """
        import sys, math, optuna
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        s = optuna.create_study(study_name="rt", storage="sqlite:///" + sys.argv[1],
                                sampler=optuna.samplers.RandomSampler(seed=3))
        def f(t):
            x = t.suggest_float("x", -5, 10); y = t.suggest_float("y", 0, 15)
            c = t.suggest_categorical("c", ["a", None, 1, 2.5, True])
            t.set_user_attr("note", {"c": c, "list": [1, 2.5, "three"]})
            t.report(x * 2, 0); t.report(float("inf"), 1)
            if t.number == 3: raise optuna.TrialPruned()
            if t.number == 4: raise ValueError("boom")
            return (y - 5.1/(4*math.pi**2)*x*x + 5/math.pi*x - 6)**2 + 10*(1-1/(8*math.pi))*math.cos(x) + 10
        s.optimize(f, n_trials=8, catch=(ValueError,))
        """, db.toString());
    Path spec = Files.writeString(dir.resolve("rt.yaml"), """
        name: rt
        storage: sqlite:///optuna.db
        directions: [minimize]
        space:
          x: {type: float, low: -5, high: 10}
          y: {type: float, low: 0, high: 15}
          c: {type: categorical, choices: [a, null, 1, 2.5, true]}
        objective: {builtin: branin}
        trials: 6
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"run", spec.toString(), "--quiet"}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());

    String python = PythonOptuna.run(dir, PythonOptuna.DUMP + """
        import sys
        dump(optuna.load_study(study_name="rt", storage="sqlite:///" + sys.argv[1]))
        """, db.toString()).strip();
    List<FrozenTrial> tunelab = readWithTuneLab(db, "rt");
    assertEquals(14, tunelab.size());
    assertEquals(List.of(TrialState.PRUNED, TrialState.FAIL), List.of(tunelab.get(3).state(), tunelab.get(4).state()));
    assertEquals(TrialsAsPython.json(tunelab), python);

    String continued = PythonOptuna.run(dir, """
        import sys, optuna
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        s = optuna.load_study(study_name="rt", storage="sqlite:///" + sys.argv[1])
        s.optimize(lambda t: t.suggest_float("x", -5, 10) ** 2 + t.suggest_float("y", 0, 15), n_trials=3)
        print(len(s.trials), [t.number for t in s.trials] == list(range(17)))
        """, db.toString()).strip();
    assertEquals("17 True", continued);
  }

  @Test
  void studyWrittenByTuneLabInA31FileIsReadAndContinuedByOptuna() throws Exception {
    Path db = dir.resolve("tunelab.db");
    try (Storage storage = Storages.open("sqlite:///tunelab.db?schema=v3.0.0.d", dir)) {
      Study study = Study.builder(storage).name("from-tunelab").loadIfExists().build();
      study.setUserAttr("purpose", "interop");
      List<Object> choices = Arrays.asList("sgd", 1, 2.5, true, null);
      for (int i = 0; i < 10; i++) {
        Trial t = study.ask();
        t.suggestFloatLog("lr", 1e-5, 1e-1);
        t.suggestFloat("dropout", 0.0, 0.5, 0.1);
        t.suggestIntLog("units", 8, 512);
        t.suggestInt("batch", 16, 128, 16);
        t.suggestCategorical("choice", choices);
        t.suggestFloat("x", -1, 1);
        t.setUserAttr("index", i);
        t.setUserAttr("nested", java.util.Map.of("k", List.of(1, "two")));
        t.report(0, 0.5);
        t.report(5, Double.NEGATIVE_INFINITY);
        switch (i % 5) {
          case 0 -> study.tell(t, Double.POSITIVE_INFINITY);
          case 1 -> study.tell(t, Double.NEGATIVE_INFINITY);
          case 2 -> study.prune(t);
          case 3 -> study.fail(t, "on purpose");
          default -> study.tell(t, 0.1 * i + 1e-17);
        }
      }
      study.enqueue(java.util.Map.of("x", 0.25));
    }
    assertEquals("v3.0.0.d", sqliteRevision(db));

    String python = PythonOptuna.run(dir, PythonOptuna.DUMP + """
        import sys
        s = optuna.load_study(study_name="from-tunelab", storage="sqlite:///" + sys.argv[1])
        assert s.user_attrs == {"purpose": "interop"}, s.user_attrs
        dump(s)
        """, db.toString()).strip();
    assertEquals(TrialsAsPython.json(readWithTuneLab(db, "from-tunelab")), python);

    PythonOptuna.run(dir, """
        import sys, optuna
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        s = optuna.load_study(study_name="from-tunelab", storage="sqlite:///" + sys.argv[1])
        def f(t):
            t.suggest_float("lr", 1e-5, 1e-1, log=True); t.suggest_float("dropout", 0.0, 0.5, step=0.1)
            t.suggest_int("units", 8, 512, log=True); t.suggest_int("batch", 16, 128, step=16)
            t.suggest_categorical("choice", ["sgd", 1, 2.5, True, None])
            return t.suggest_float("x", -1, 1) ** 2
        s.optimize(f, n_trials=3)
        """, db.toString());
    List<FrozenTrial> after = readWithTuneLab(db, "from-tunelab");
    // Ten trials, the enqueued one (which Optuna takes first), then two more of Optuna's own.
    assertEquals(13, after.size());
    assertEquals(0.25, after.get(10).params().get("x"), "Optuna ran the trial TuneLab enqueued first");
    assertEquals(3, after.stream().filter(t -> t.number() >= 10 && t.state() == TrialState.COMPLETE).count());
    assertEquals(Set.of("lr", "dropout", "units", "batch", "choice", "x"), after.get(12).params().keySet());
    assertEquals("v3.0.0.d", sqliteRevision(db));
  }

  private String sqliteRevision(Path db) throws Exception {
    return PythonOptuna.run(dir, """
        import sqlite3, sys
        print(sqlite3.connect(sys.argv[1]).execute("select version_num from alembic_version").fetchone()[0])
        """, db.toString()).strip();
  }
}
