package org.tunelab.benchmark;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.analysis.ParetoFront;
import org.tunelab.sampler.Sampler;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Standard problems with several objectives, all minimised, on which samplers are compared by the
 * hypervolume of the front they find (higher is better). Each names its parameters {@code x1..x4} in
 * [0, 1].
 *
 * <pre>{@code
 * double hv = ParetoProblem.ZDT1.hypervolume(GpSampler.builder().seed(1).build(), 50);
 * }</pre>
 */
public enum ParetoProblem {
  /** ZDT1 with 4 variables: a convex front {@code f2 = 1 - sqrt(f1)} where x2..x4 are 0. */
  ZDT1(new double[] {1.1, 4}, 1.1 * 4 - 1.0 / 3) {
    @Override
    public double[] evaluate(Trial t) {
      double x1 = t.suggestFloat("x1", 0, 1);
      double sum = 0;
      for (int i = 2; i <= 4; i++) sum += t.suggestFloat("x" + i, 0, 1);
      double g = 1 + 9.0 / 3 * sum;
      return new double[] {x1, g * (1 - Math.sqrt(x1 / g))};
    }
  },
  /** DTLZ2 with 3 objectives and 4 variables: the front is the unit sphere's octant, where x3 = x4 = 0.5. */
  DTLZ2(new double[] {1.1, 1.1, 1.1}, 1.1 * 1.1 * 1.1 - Math.PI / 6) {
    @Override
    public double[] evaluate(Trial t) {
      double a = t.suggestFloat("x1", 0, 1) * Math.PI / 2;
      double b = t.suggestFloat("x2", 0, 1) * Math.PI / 2;
      double g = Math.pow(t.suggestFloat("x3", 0, 1) - 0.5, 2) + Math.pow(t.suggestFloat("x4", 0, 1) - 0.5, 2);
      return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)};
    }
  };

  private final double[] reference;
  private final double optimum;

  ParetoProblem(double[] reference, double optimum) {
    this.reference = reference;
    this.optimum = optimum;
  }

  /** Suggests the parameters on {@code t} and returns the objective values. */
  public abstract double[] evaluate(Trial t);

  /** The reference point of the hypervolume: worse than every point random search tends to find. */
  public double[] reference() {
    return reference.clone();
  }

  /** The hypervolume of the whole true front. */
  public double optimum() {
    return optimum;
  }

  public List<StudyDirection> directions() {
    return Collections.nCopies(reference.length, StudyDirection.MINIMIZE);
  }

  /** Runs {@code trials} trials with {@code sampler} on an in-memory study; the hypervolume of the final front. */
  public double hypervolume(Sampler sampler, int trials) {
    Study study = Study.builder(new InMemoryStorage()).name(name().toLowerCase(java.util.Locale.ROOT))
        .directions(directions().toArray(new StudyDirection[0])).sampler(sampler).build();
    study.optimizeMulti(this::evaluate, OptimizeOptions.trials(trials));
    ParetoFront front = ParetoFront.of(study.trials(Set.of(TrialState.COMPLETE)), study.directions(), reference);
    List<OptimizationHistory.Point> history = front.hypervolume();
    return history.isEmpty() ? 0 : history.get(history.size() - 1).value();
  }
}
