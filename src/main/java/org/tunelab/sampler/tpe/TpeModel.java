package org.tunelab.sampler.tpe;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;

/**
 * One TPE proposal for a set of parameters: fit l(x) on the below trials and g(x) on the above
 * trials that have all of them, draw candidates from l and keep the one maximising
 * {@code log l(x) - log g(x)} (the first on ties).
 */
final class TpeModel {
  private final ParzenOptions options;
  private final IntFunction<double[]> weights;
  private final int candidates;

  TpeModel(ParzenOptions options, IntFunction<double[]> weights, int candidates) {
    this.options = options;
    this.weights = weights;
    this.candidates = candidates;
  }

  /**
   * Internal values, one array per parameter (column-major: estimators build kernels per
   * parameter), their weights and the trial number of each observation.
   */
  record Observations(double[][] columns, double[] weights, int[] numbers) {}

  /**
   * Internal values, internal representation, one per name, of the best candidate.
   *
   * @param columns the value columns of {@code distributions}, in the same order
   */
  double[] propose(TpeHistory history, List<ParamColumns.Column> columns, List<Distribution> distributions,
      SplittableRandom rng) {
    Observations below = gather(history.below(), history.belowWeights(), columns, distributions);
    Observations above = gather(history.above(), null, columns, distributions);
    ParzenEstimator l = ParzenEstimator.ofColumns(distributions, below.columns(), below.weights(), options,
        below.numbers(), columns);
    ParzenEstimator g = ParzenEstimator.ofColumns(distributions, above.columns(), above.weights(), options,
        above.numbers(), columns);
    double[][] drawn = l.sample(rng, candidates);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < drawn.length; i++) {
      double score = l.logPdf(drawn[i]) - g.logPdf(drawn[i]);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    l.remember();
    g.remember();
    return drawn[best];
  }

  /**
   * The trials (in the given order, which is by number) that have every parameter inside its
   * current range; values recorded under a wider range are left out so every kernel is centred
   * inside its bounds.
   */
  Observations gather(List<FrozenTrial> trials, double[] fixedWeights, List<ParamColumns.Column> columns,
      List<Distribution> distributions) {
    int d = columns.size();
    int[] trialNumbers = new int[trials.size()];
    boolean[] finished = new boolean[trials.size()];
    for (int i = 0; i < trialNumbers.length; i++) {
      FrozenTrial t = trials.get(i);
      trialNumbers[i] = t.number();
      finished[i] = t.state().isFinished();
    }
    double[][] byColumn = new double[d][];
    for (int j = 0; j < d; j++) byColumn[j] = columns.get(j).values(trials, trialNumbers, finished);
    int[] kept = new int[trials.size()];
    int nKept = 0;
    for (int i = 0; i < trials.size(); i++) {
      boolean ok = true;
      for (int j = 0; j < d && ok; j++) ok = inRange(byColumn[j][i], distributions.get(j));
      if (ok) kept[nKept++] = i;
    }
    if (nKept < trials.size()) {
      for (int j = 0; j < d; j++) {
        double[] c = new double[nKept];
        for (int i = 0; i < nKept; i++) c[i] = byColumn[j][kept[i]];
        byColumn[j] = c;
      }
    }
    double[] w;
    if (fixedWeights == null) {
      w = checkedWeights(nKept);
    } else {
      w = new double[nKept];
      for (int i = 0; i < w.length; i++) w[i] = fixedWeights[kept[i]];
    }
    int[] numbers = new int[nKept];
    for (int i = 0; i < nKept; i++) numbers[i] = trialNumbers[kept[i]];
    return new Observations(byColumn, w, numbers);
  }

  private double[] checkedWeights(int n) {
    double[] w = weights.apply(n);
    if (w.length < n) throw new IllegalStateException("the weights function returned " + w.length + " weights for " + n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
        throw new IllegalStateException("the weights function returned " + w[i] + " for n=" + n);
      }
      sum += w[i];
    }
    if (n > 0 && sum <= 0) throw new IllegalStateException("the weights function returned all zeros for n=" + n);
    return java.util.Arrays.copyOf(w, n);
  }

  static boolean inRange(double v, Distribution d) {
    if (Double.isNaN(v)) return false;
    if (d instanceof FloatDistribution f) return v >= f.low() && v <= f.high();
    if (d instanceof IntDistribution i) return v >= i.low() && v <= i.high();
    return v >= 0 && v < ((CategoricalDistribution) d).choices().size();
  }
}
