package org.tunelab.sampler;

import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Constraint values of trials, stored as Optuna stores them: the trial system attribute
 * {@code constraints}, a list of numbers where a value &gt; 0 is a violation. A sampler with a
 * {@link Function} computes and writes them when a trial finishes; any sampler can read them.
 */
public final class Constraints {
  /** The trial system attribute holding the constraint values. */
  public static final String KEY = "constraints";

  private Constraints() {}

  /** Computes the constraint values of a finished trial from its values; values &gt; 0 are violations. */
  @FunctionalInterface
  public interface Function {
    double[] evaluate(FrozenTrial trial, List<Double> values);
  }

  /** The stored constraint values of {@code t}, or {@code null} when it has none (or a non-number). */
  public static double[] of(FrozenTrial t) {
    if (!(t.systemAttrs().get(KEY) instanceof List<?> values)) return null;
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(values.get(i) instanceof Number n)) return null;
      out[i] = n.doubleValue();
    }
    return out;
  }

  /**
   * Total violation (sum of positive values); 0 means feasible, infinity when the trial has no
   * readable constraint values, so such a trial ranks behind every measured one.
   */
  public static double violation(FrozenTrial t) {
    double[] c = of(t);
    if (c == null) return Double.POSITIVE_INFINITY;
    double sum = 0;
    for (double x : c) {
      if (Double.isNaN(x)) return Double.POSITIVE_INFINITY;
      if (x > 0) sum += x;
    }
    return sum;
  }

  /** What a sampler's {@code afterTrial} does with a constraints function: compute and store the values. */
  public static void record(Function f, StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    if (f == null || (state != TrialState.COMPLETE && state != TrialState.PRUNED)) return;
    double[] c = f.evaluate(trial, values);
    List<Double> list = new ArrayList<>(c.length);
    for (double v : c) list.add(v);
    study.setTrialSystemAttr(trial.trialId(), KEY, list);
  }
}
