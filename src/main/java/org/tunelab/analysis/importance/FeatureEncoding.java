package org.tunelab.analysis.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;

/**
 * Parameters as the forest sees them, Optuna's {@code _SearchSpaceTransform(transform_log=False,
 * transform_step=False)}: a number stays itself (a log parameter is <em>not</em> log-transformed) with
 * its distribution's bounds, and a categorical becomes one 0/1 column per choice with bounds [0, 1].
 *
 * @param bounds per raw column: {low, high}
 * @param columnsOfParam for each parameter, in order, its raw columns
 */
record FeatureEncoding(double[][] bounds, int[][] columnsOfParam, List<Distribution> distributions) {

  static FeatureEncoding of(Map<String, Distribution> space) {
    List<double[]> bounds = new ArrayList<>();
    List<int[]> columns = new ArrayList<>();
    for (Distribution d : space.values()) {
      if (d instanceof CategoricalDistribution c) {
        int[] cols = new int[c.choices().size()];
        for (int k = 0; k < cols.length; k++) {
          cols[k] = bounds.size();
          bounds.add(new double[] {0, 1});
        }
        columns.add(cols);
      } else if (d instanceof FloatDistribution f) {
        columns.add(new int[] {bounds.size()});
        bounds.add(new double[] {f.low(), f.high()});
      } else if (d instanceof IntDistribution i) {
        columns.add(new int[] {bounds.size()});
        bounds.add(new double[] {i.low(), i.high()});
      }
    }
    return new FeatureEncoding(bounds.toArray(new double[0][]), columns.toArray(new int[0][]),
        List.copyOf(space.values()));
  }

  /** The trial's raw feature row. */
  double[] encode(FrozenTrial trial, List<String> names) {
    double[] row = new double[bounds.length];
    for (int p = 0; p < names.size(); p++) {
      Distribution d = distributions.get(p);
      double internal = d.toInternal(trial.params().get(names.get(p)));
      if (d instanceof CategoricalDistribution) {
        row[columnsOfParam[p][(int) internal]] = 1;
      } else {
        row[columnsOfParam[p][0]] = internal;
      }
    }
    return row;
  }
}
