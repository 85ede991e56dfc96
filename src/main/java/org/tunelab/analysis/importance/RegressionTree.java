package org.tunelab.analysis.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One fully grown regression tree as scikit-learn's {@code DecisionTreeRegressor} builds it inside a
 * {@code RandomForestRegressor} with Optuna's settings: squared error, best split over all features
 * (visited in random order, the first best wins), thresholds halfway between neighbouring distinct
 * values, {@code min_samples_split=2}, {@code min_samples_leaf=1}, a node splits until it is pure or
 * at {@code maxDepth}. Bootstrap draws enter as sample weights; samples drawn zero times are absent.
 *
 * <p>The nodes are kept in flat arrays; a leaf has {@code feature == -1}.
 */
final class RegressionTree {
  /** scikit-learn's FEATURE_THRESHOLD: values closer than this are not split apart. */
  private static final double FEATURE_THRESHOLD = 1e-7;

  int[] feature = new int[64];
  double[] threshold = new double[64];
  int[] left = new int[64];
  int[] right = new int[64];
  double[] value = new double[64];
  int nodeCount;

  /** Feature values by feature, then sample. */
  private final double[][] x;
  private final double[] y;
  private final double[] weight;
  private final int maxDepth;
  private final SplittableRandom random;
  private final boolean[] goesLeft;

  private RegressionTree(double[][] x, double[] y, double[] weight, int maxDepth, SplittableRandom random) {
    // by feature, then sample: the split search walks one feature's values, which then sit together
    int features = x.length == 0 ? 0 : x[0].length;
    double[][] columns = new double[features][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int f = 0; f < features; f++) columns[f][i] = x[i][f];
    }
    this.x = columns;
    this.y = y;
    this.weight = weight;
    this.maxDepth = maxDepth;
    this.random = random;
    this.goesLeft = new boolean[y.length];
  }

  /**
   * Grows a tree on the samples with positive weight.
   *
   * @param x rows of raw features
   * @param weight each sample's weight (bootstrap count)
   */
  static RegressionTree grow(double[][] x, double[] y, double[] weight, int maxDepth, SplittableRandom random) {
    return grow(x, y, weight, maxDepth, random, presort(x));
  }

  /**
   * Grows a tree with the samples' order along each feature given ({@link #presort}), which the
   * trees of a forest share: each keeps the samples it drew, in that order, instead of sorting again.
   */
  static RegressionTree grow(double[][] x, double[] y, double[] weight, int maxDepth, SplittableRandom random,
      int[][] presorted) {
    RegressionTree tree = new RegressionTree(x, y, weight, maxDepth, random);
    int present = 0;
    for (double w : weight) if (w > 0) present++;
    int[][] sorted = new int[presorted.length][present];
    for (int f = 0; f < presorted.length; f++) {
      int k = 0;
      for (int i : presorted[f]) if (weight[i] > 0) sorted[f][k++] = i;
    }
    tree.build(sorted, 0);
    tree.trim();
    return tree;
  }

  /** Every sample's index, ordered by each feature's value. */
  static int[][] presort(double[][] x) {
    int features = x.length == 0 ? 0 : x[0].length;
    int[][] sorted = new int[features][];
    for (int f = 0; f < features; f++) {
      final int ff = f;
      sorted[f] = java.util.stream.IntStream.range(0, x.length).boxed()
          .sorted((a, b) -> Double.compare(x[a][ff], x[b][ff])).mapToInt(Integer::intValue).toArray();
    }
    return sorted;
  }

  /** Builds the node for the samples in {@code sorted} (one copy per feature, each in feature order). */
  private int build(int[][] sorted, int depth) {
    int node = newNode();
    int[] samples = sorted.length > 0 ? sorted[0] : new int[0];
    double w = 0;
    double sum = 0;
    for (int i : samples) {
      w += weight[i];
      sum += weight[i] * y[i];
    }
    double mean = sum / w;
    value[node] = mean;
    double impurity = 0;
    for (int i : samples) impurity += weight[i] * (y[i] - mean) * (y[i] - mean);
    impurity /= w;
    if (depth >= maxDepth || samples.length < 2 || impurity <= 1e-14 * Math.max(1.0, mean * mean)) return node;

    int bestFeature = -1;
    int bestPos = -1;
    double bestProxy = Double.NEGATIVE_INFINITY;
    for (int f : shuffledFeatures(sorted.length)) {
      int[] s = sorted[f];
      double[] col = x[f];
      if (col[s[s.length - 1]] <= col[s[0]] + FEATURE_THRESHOLD) continue; // constant here
      double wl = 0;
      double sl = 0;
      for (int p = 1; p < s.length; p++) {
        wl += weight[s[p - 1]];
        sl += weight[s[p - 1]] * y[s[p - 1]];
        if (col[s[p]] <= col[s[p - 1]] + FEATURE_THRESHOLD) continue;
        double wr = w - wl;
        double sr = sum - sl;
        double proxy = sl * sl / wl + sr * sr / wr;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          bestPos = p;
        }
      }
    }
    if (bestFeature < 0) return node;
    int[] s = sorted[bestFeature];
    double lo = x[bestFeature][s[bestPos - 1]];
    double hi = x[bestFeature][s[bestPos]];
    double t = lo / 2.0 + hi / 2.0;
    if (t == hi || Double.isInfinite(t)) t = lo;
    for (int p = 0; p < s.length; p++) goesLeft[s[p]] = p < bestPos;
    int[][] leftSorted = new int[sorted.length][bestPos];
    int[][] rightSorted = new int[sorted.length][s.length - bestPos];
    for (int f = 0; f < sorted.length; f++) {
      int l = 0;
      int r = 0;
      for (int i : sorted[f]) {
        if (goesLeft[i]) leftSorted[f][l++] = i;
        else rightSorted[f][r++] = i;
      }
    }
    feature[node] = bestFeature;
    threshold[node] = t;
    int l = build(leftSorted, depth + 1);
    int r = build(rightSorted, depth + 1);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /** A random order of the features, as scikit-learn's splitter draws them. */
  private int[] shuffledFeatures(int n) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) order[k] = k;
    for (int k = n - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      int tmp = order[k];
      order[k] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  private int newNode() {
    if (nodeCount == feature.length) {
      int n = feature.length * 2;
      feature = Arrays.copyOf(feature, n);
      threshold = Arrays.copyOf(threshold, n);
      left = Arrays.copyOf(left, n);
      right = Arrays.copyOf(right, n);
      value = Arrays.copyOf(value, n);
    }
    int node = nodeCount++;
    feature[node] = -1;
    left[node] = -1;
    right[node] = -1;
    return node;
  }

  private void trim() {
    feature = Arrays.copyOf(feature, nodeCount);
    threshold = Arrays.copyOf(threshold, nodeCount);
    left = Arrays.copyOf(left, nodeCount);
    right = Arrays.copyOf(right, nodeCount);
    value = Arrays.copyOf(value, nodeCount);
  }

  /** The tree's prediction for a raw feature row. */
  double predict(double[] row) {
    int node = 0;
    while (feature[node] >= 0) node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
    return value[node];
  }
}
