package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;

/**
 * The empirical distribution function of the objective, one curve per study, on
 * {@value #SAMPLES} evenly spaced values between the smallest and the largest value over all studies
 * (Optuna's {@code plot_edf}): the fraction of a study's completed trials whose value is at most x.
 *
 * <pre>{@code
 * EmpiricalDistribution edf = EmpiricalDistribution.of(Map.of("study", trials), 0);
 * edf.curves().get(0).fractions()[99];   // 1.0: every trial is at most the largest value
 * }</pre>
 *
 * @param xs the objective values the curves are evaluated at
 * @param curves one per study, in the order given
 */
public record EmpiricalDistribution(int objective, double[] xs, List<Curve> curves) {
  /** Optuna's {@code NUM_SAMPLES_X_AXIS}. */
  public static final int SAMPLES = 100;

  /** One study's curve: {@code fractions[k]} of its trials have a value at most {@code xs[k]}. */
  public record Curve(String study, int trialCount, double[] fractions) {}

  public EmpiricalDistribution {
    curves = List.copyOf(curves);
  }

  /** The curves of the studies, given as name to trials in the order to draw them. */
  public static EmpiricalDistribution of(Map<String, List<FrozenTrial>> studies, int objective) {
    List<String> names = new ArrayList<>(studies.keySet());
    List<double[]> values = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (String name : names) {
      double[] v = Targets.completeWithFinite(studies.get(name), objective).stream()
          .mapToDouble(t -> t.values().get(objective)).sorted().toArray();
      values.add(v);
      if (v.length > 0) {
        min = Math.min(min, v[0]);
        max = Math.max(max, v[v.length - 1]);
      }
    }
    if (min > max) return new EmpiricalDistribution(objective, new double[0], List.of());
    double[] xs = new double[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) xs[k] = min + (max - min) * k / (SAMPLES - 1);
    xs[SAMPLES - 1] = max; // exactly the largest value, so the last fraction is exactly 1
    List<Curve> curves = new ArrayList<>();
    for (int s = 0; s < names.size(); s++) {
      double[] v = values.get(s);
      double[] f = new double[SAMPLES];
      for (int k = 0; k < SAMPLES && v.length > 0; k++) f[k] = (double) upperBound(v, xs[k]) / v.length;
      curves.add(new Curve(names.get(s), v.length, f));
    }
    return new EmpiricalDistribution(objective, xs, curves);
  }

  /** How many of the sorted values are at most {@code x}. */
  private static int upperBound(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    if (i < 0) return -i - 1;
    while (i < sorted.length && sorted[i] == x) i++;
    return i;
  }

  public boolean isEmpty() {
    return curves.stream().allMatch(c -> c.trialCount() == 0);
  }
}
