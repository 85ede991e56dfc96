package org.tunelab.sampler.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.sampler.UnitSpace;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * One GP per objective for expected hypervolume improvement: each objective turned into
 * "maximise" (negated when minimised), non-finite values clipped, standardised, and fitted with
 * {@link GpFit}, warm-started per objective as the constraint GPs are.
 *
 * @param models per objective, its GP
 * @param values per trial (row), the maximised standardised objective values
 */
record ObjectiveModels(List<GaussianProcess> models, double[][] values) {

  static ObjectiveModels fit(List<FrozenTrial> trials, List<StudyDirection> directions, double[][] x, UnitSpace gs,
      Map<String, double[]> warm, String key, boolean deterministic) {
    int n = trials.size();
    int m = directions.size();
    double[][] values = new double[n][m];
    List<GaussianProcess> models = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      double[] y = Targets.standardise(Targets.maximised(trials, directions.get(j), j));
      for (int r = 0; r < n; r++) values[r][j] = y[r];
      String k = key + "\u0000" + j;
      GaussianProcess gp = GpFit.fit(x, y, gs.categorical, warm.get(k), deterministic);
      warm.put(k, GpSampler.raw(gp.hyper));
      models.add(gp);
    }
    return new ObjectiveModels(List.copyOf(models), values);
  }

  /**
   * The boxes that improve on the front of the {@code feasible} rows and the {@code believed}
   * values of pending points, with Optuna's reference point over all rows; {@code null} when there
   * is no feasible row or believed point.
   *
   * @throws NonDominatedBoxes.TooManyBoxes when the front needs more than {@code maxBoxes} boxes
   */
  NonDominatedBoxes boxes(boolean[] feasible, List<double[]> believed, int maxBoxes) {
    List<double[]> front = new ArrayList<>(believed);
    for (int r = 0; r < values.length; r++) if (feasible[r]) front.add(values[r]);
    if (front.isEmpty()) return null;
    return NonDominatedBoxes.of(front.toArray(new double[0][]), NonDominatedBoxes.referencePoint(values), maxBoxes);
  }

  /** Per pending point, each model's posterior mean there. */
  static double[][] means(List<GaussianProcess> models, double[][] pending) {
    double[][] out = new double[pending.length][models.size()];
    for (int i = 0; i < pending.length; i++) {
      for (int j = 0; j < models.size(); j++) out[i][j] = models.get(j).predict(pending[i])[0];
    }
    return out;
  }

  /**
   * Kriging believer: each model gets the pending points with its own posterior mean there, so the
   * pending points' uncertainty vanishes, while the models' beliefs elsewhere stay the same. A
   * model that cannot take them (numerically) stays as it was.
   */
  static List<GaussianProcess> believing(List<GaussianProcess> models, double[][] pending) {
    if (pending.length == 0) return models;
    List<GaussianProcess> out = new ArrayList<>();
    for (GaussianProcess gp : models) {
      double[] means = new double[pending.length];
      for (int i = 0; i < pending.length; i++) means[i] = gp.predict(pending[i])[0];
      try {
        out.add(gp.withObservations(pending, means));
      } catch (ArithmeticException e) {
        out.add(gp);
      }
    }
    return out;
  }

  /** The feasible rows no other feasible row dominates (all objectives maximised). */
  List<Integer> frontRows(boolean[] feasible) {
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < values.length; a++) {
      boolean dominated = !feasible[a];
      for (int b = 0; b < values.length && !dominated; b++) {
        if (b == a || !feasible[b]) continue;
        boolean geq = true;
        boolean better = false;
        for (int j = 0; j < values[a].length; j++) {
          geq &= values[b][j] >= values[a][j];
          better |= values[b][j] > values[a][j];
        }
        dominated = geq && better;
      }
      if (!dominated) out.add(a);
    }
    return out;
  }
}
