package org.tunelab.sampler.gp;

import org.tunelab.sampler.UnitSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.sampler.Constraints;
import org.tunelab.trial.FrozenTrial;

/**
 * One GP per constraint over the trials that recorded constraint values, as Optuna does
 * (constraints assumed independent), with the standardised position of 0, the feasibility border.
 * Trials without recorded values count as infeasible and do not enter the constraint GPs.
 */
record ConstraintModels(List<GaussianProcess> models, double[] thresholds, boolean[] feasible) {

  static ConstraintModels fit(List<FrozenTrial> trials, double[][] x, UnitSpace gs, Map<String, double[]> warm,
      String key, boolean deterministic) {
    int n = trials.size();
    boolean[] feasible = new boolean[n];
    List<double[]> values = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    int count = -1;
    for (int r = 0; r < n; r++) {
      double[] c = Constraints.of(trials.get(r));
      feasible[r] = c != null && Constraints.violation(trials.get(r)) == 0;
      if (c == null || (count >= 0 && c.length != count)) continue;
      count = c.length;
      values.add(c);
      rows.add(x[r]);
    }
    List<GaussianProcess> models = new ArrayList<>();
    if (count <= 0) return new ConstraintModels(models, new double[0], feasible);
    double[] thresholds = new double[count];
    double[][] cx = rows.toArray(new double[0][]);
    for (int j = 0; j < count; j++) {
      double[] col = new double[values.size()];
      for (int r = 0; r < col.length; r++) col[r] = values.get(r)[j];
      Targets.clipNonFinite(col);
      double mean = Targets.mean(col);
      double std = Targets.std(col);
      thresholds[j] = -mean / std;
      String k = key + "\u0000" + j;
      GaussianProcess gp = GpFit.fit(cx, Targets.standardise(col), gs.categorical, warm.get(k), deterministic);
      warm.put(k, GpSampler.raw(gp.hyper));
      models.add(gp);
    }
    return new ConstraintModels(models, thresholds, feasible);
  }
}
