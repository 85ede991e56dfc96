package org.tunelab.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.tpe.TpeSampler;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;

/**
 * TuneLab's {@code TpeSampler} with Optuna's defaults proposes what Debian's Optuna 3.1
 * {@code TPESampler} proposes: given one history of 40 trials (so the good group has 4 and the
 * ramp of weights applies to the rest), the next trial's {@code x0} over 800 sampler seeds has the
 * same distribution in both (two-sample Kolmogorov-Smirnov). The same test tells TuneLab's own TPE
 * apart, so it has the power to catch a difference.
 */
class OptunaTpeEquivalenceTest {
  private static final int DIMS = 3;
  private static final int HISTORY = 40;
  private static final int SEEDS = 800;
  private static final double LOW = -5;
  private static final double HIGH = 10;
  private static double[][] history;
  private static double[] optunaDraws;

  @TempDir Path dir;

  @BeforeAll
  static void history() {
    SplittableRandom rng = new SplittableRandom(7);
    history = new double[HISTORY][DIMS + 1];
    for (double[] row : history) {
      double value = 0;
      for (int i = 0; i < DIMS; i++) {
        row[i] = LOW + (HIGH - LOW) * rng.nextDouble();
        value += (row[i] - 1) * (row[i] - 1) + 3 * Math.cos(2 * row[i]);
      }
      row[DIMS] = value;
    }
  }

  @BeforeEach
  void optunaDraws() throws Exception {
    PythonOptuna.assumeAvailable();
    if (optunaDraws != null) return;
    StringBuilder rows = new StringBuilder();
    for (double[] row : history) rows.append(Arrays.toString(row)).append(',');
    String out = PythonOptuna.run(dir, """
        import optuna
        from optuna.distributions import FloatDistribution
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        rows = [%s]
        d = {f"x{i}": FloatDistribution(%s, %s) for i in range(%d)}
        trials = [optuna.trial.create_trial(params={f"x{i}": r[i] for i in range(%d)}, distributions=d, value=r[-1])
                  for r in rows]
        for seed in range(%d):
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.add_trials(trials)
            print(repr(study.ask().suggest_float("x0", %s, %s)))
        """.formatted(rows, LOW, HIGH, DIMS, DIMS, SEEDS, LOW, HIGH));
    optunaDraws = out.lines().mapToDouble(Double::parseDouble).toArray();
  }

  private static double[] tuneLabDraws(boolean tuneLabDefaults) {
    double[] out = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      TpeSampler.Builder b = TpeSampler.builder().seed(seed);
      Sampler sampler = tuneLabDefaults ? b.tuneLabDefaults().build() : b.build();
      Study study = Study.builder(new InMemoryStorage()).name("equivalence").sampler(sampler).build();
      for (double[] row : history) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < DIMS; i++) params.put("x" + i, row[i]);
        study.enqueue(params);
        Trial t = study.ask();
        for (int i = 0; i < DIMS; i++) t.suggestFloat("x" + i, LOW, HIGH);
        study.tell(t, row[DIMS]);
      }
      out[seed] = study.ask().suggestFloat("x0", LOW, HIGH);
    }
    return out;
  }

  @Test
  void optunasDefaultTpeProposesWhatOptunaProposes() {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(optunaDraws, tuneLabDraws(false));
    assertTrue(p > 1e-3, "the proposals differ from Optuna's: KS p = " + p);
  }

  @Test
  void theComparisonTellsADifferentTpeApart() {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(optunaDraws, tuneLabDraws(true));
    assertTrue(p < 1e-3, "TuneLab's own TPE should propose differently from Optuna's: KS p = " + p);
  }
}
