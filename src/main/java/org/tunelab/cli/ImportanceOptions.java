package org.tunelab.cli;

import java.util.Locale;
import org.tunelab.analysis.importance.FanovaEvaluator;
import org.tunelab.analysis.importance.ImportanceEvaluator;
import org.tunelab.analysis.importance.PedAnovaEvaluator;

/** The {@code --evaluator} choices of {@code importance} and {@code plot}. */
enum ImportanceOptions {
  FANOVA, PED_ANOVA;

  /** Accepts {@code fanova}, {@code ped-anova} and {@code ped_anova}, in any case. */
  static ImportanceOptions parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (t.equals("fanova")) return FANOVA;
    if (t.equals("ped-anova") || t.equals("pedanova")) return PED_ANOVA;
    throw new CliException(ExitCode.USAGE, "--evaluator must be fanova or ped-anova, got " + text);
  }

  ImportanceEvaluator create(long seed) {
    return this == FANOVA ? new FanovaEvaluator(seed) : new PedAnovaEvaluator();
  }
}
