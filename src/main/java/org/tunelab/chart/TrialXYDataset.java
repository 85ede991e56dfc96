package org.tunelab.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYZDataset;

/**
 * Points that each stand for a trial: x, y, a colour value z, and the trial's number, so that a
 * tooltip can name the trial and a click can select it. Series are filled once, then read-only.
 */
public final class TrialXYDataset extends AbstractXYZDataset {
  private static final long serialVersionUID = 1L;

  private final List<String> keys = new ArrayList<>();
  private final List<double[][]> data = new ArrayList<>();
  private final List<int[]> numbers = new ArrayList<>();

  /** Adds a series; {@code z} may be {@code null} when the series is drawn in one colour. */
  public void addSeries(String key, double[] x, double[] y, double[] z, int[] trialNumbers) {
    if (x.length != y.length || x.length != trialNumbers.length || z != null && z.length != x.length) {
      throw new IllegalArgumentException("series " + key + ": arrays differ in length");
    }
    keys.add(key);
    data.add(new double[][] {x, y, z == null ? new double[x.length] : z});
    numbers.add(trialNumbers);
    fireDatasetChanged();
  }

  /** The number of the trial at {@code item} of {@code series}. */
  public int trialNumber(int series, int item) {
    return numbers.get(series)[item];
  }

  @Override
  public int getSeriesCount() {
    return keys.size();
  }

  @Override
  public Comparable<?> getSeriesKey(int series) {
    return keys.get(series);
  }

  @Override
  public int getItemCount(int series) {
    return numbers.get(series).length;
  }

  @Override
  public Number getX(int series, int item) {
    return data.get(series)[0][item];
  }

  @Override
  public double getXValue(int series, int item) {
    return data.get(series)[0][item];
  }

  @Override
  public Number getY(int series, int item) {
    return data.get(series)[1][item];
  }

  @Override
  public double getYValue(int series, int item) {
    return data.get(series)[1][item];
  }

  @Override
  public Number getZ(int series, int item) {
    return data.get(series)[2][item];
  }

  @Override
  public double getZValue(int series, int item) {
    return data.get(series)[2][item];
  }
}
