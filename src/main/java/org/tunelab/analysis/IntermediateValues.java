package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Learning curves: the values each trial reported by step, one curve per trial that reported any,
 * with its state so a chart can tell pruned trials from completed ones.
 *
 * <pre>{@code
 * IntermediateValues curves = IntermediateValues.of(trials);
 * curves.curves().get(0).points(); // (step, value) in step order
 * }</pre>
 */
public record IntermediateValues(List<Curve> curves) {

  /** One trial's reported values, in step order; non-finite values are left out. */
  public record Curve(int trialNumber, TrialState state, List<Step> points) {
    public Curve {
      points = List.copyOf(points);
    }
  }

  /** A value reported at a step. */
  public record Step(int step, double value) {}

  public IntermediateValues {
    curves = List.copyOf(curves);
  }

  /** The curves of every trial that reported at least one finite value, by trial number. */
  public static IntermediateValues of(List<FrozenTrial> trials) {
    List<Curve> curves = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.intermediateValues().isEmpty()) continue;
      List<Step> points = new ArrayList<>();
      for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
        if (e.getValue() != null && Double.isFinite(e.getValue())) points.add(new Step(e.getKey(), e.getValue()));
      }
      if (!points.isEmpty()) curves.add(new Curve(t.number(), t.state(), points));
    }
    curves.sort(java.util.Comparator.comparingInt(Curve::trialNumber));
    return new IntermediateValues(curves);
  }

  public boolean isEmpty() {
    return curves.isEmpty();
  }

  /** Whether any curve belongs to a trial in this state. */
  public boolean has(TrialState state) {
    return curves.stream().anyMatch(c -> c.state() == state);
  }
}
