package org.tunelab.benchmark;

import java.util.Locale;

/**
 * The best value one seeded run had found after {@code budget} trials, and its simple regret.
 * {@link #csv()} gives the row of {@code tunelab bench --out}, under {@link #CSV_HEADER}.
 */
public record BenchmarkRow(String function, String sampler, long seed, int budget, double best, double regret) {
  public static final String CSV_HEADER = "function,sampler,seed,budget,best,regret";

  public String csv() {
    return String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s", function, sampler, seed, budget,
        Double.toString(best), Double.toString(regret));
  }
}
