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
  /** For each feature, the present samples in that feature's order, partitioned in place node by node. */
  private int[][] order;
  private int[] scratch;

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
    tree.order = sorted;
    tree.scratch = new int[present];
    tree.build(0, present, 0);
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

  /**
   * Builds the node for the samples at positions {@code [from, to)} of {@link #order}: for each
   * feature, those samples in that feature's order. A split partitions each feature's range in place
   * and stably (left samples first), so the children find their samples sorted without sorting or
   * allocating; it visits the samples in the same order as copying them would, so the tree is the same.
   */
  private int build(int from, int to, int depth) {
    int node = newNode();
    int count = to - from;
    int[] samples = order.length > 0 ? order[0] : new int[0];
    double w = 0;
    double sum = 0;
    for (int p = from; p < to && order.length > 0; p++) {
      int i = samples[p];
      w += weight[i];
      sum += weight[i] * y[i];
    }
    double mean = sum / w;
    value[node] = mean;
    double impurity = 0;
    for (int p = from; p < to && order.length > 0; p++) {
      int i = samples[p];
      impurity += weight[i] * (y[i] - mean) * (y[i] - mean);
    }
    impurity /= w;
    if (depth >= maxDepth || count < 2 || impurity <= 1e-14 * Math.max(1.0, mean * mean)) return node;

    int bestFeature = -1;
    int bestPos = -1;
    double bestProxy = Double.NEGATIVE_INFINITY;
    for (int f : shuffledFeatures(order.length)) {
      int[] s = order[f];
      double[] col = x[f];
      if (col[s[to - 1]] <= col[s[from]] + FEATURE_THRESHOLD) continue; // constant here
      double wl = 0;
      double sl = 0;
      double previous = col[s[from]];
      for (int p = from + 1; p < to; p++) {
        int i = s[p - 1];
        wl += weight[i];
        sl += weight[i] * y[i];
        double current = col[s[p]];
        boolean tied = current <= previous + FEATURE_THRESHOLD;
        previous = current;
        if (tied) continue;
        double wr = w - wl;
        double sr = sum - sl;
        double proxy = sl * sl / wl + sr * sr / wr;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          bestPos = p - from;
        }
      }
    }
    if (bestFeature < 0) return node;
    int[] s = order[bestFeature];
    double lo = x[bestFeature][s[from + bestPos - 1]];
    double hi = x[bestFeature][s[from + bestPos]];
    double t = lo / 2.0 + hi / 2.0;
    if (t == hi || Double.isInfinite(t)) t = lo;
    for (int p = from; p < to; p++) goesLeft[s[p]] = p - from < bestPos;
    for (int[] o : order) partition(o, from, to);
    feature[node] = bestFeature;
    threshold[node] = t;
    int l = build(from, from + bestPos, depth + 1);
    int r = build(from + bestPos, to, depth + 1);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /** Moves the samples of {@code o[from, to)} that go left to the front, both sides keeping their order. */
  private void partition(int[] o, int from, int to) {
    int l = from;
    int r = 0;
    for (int p = from; p < to; p++) {
      int i = o[p];
      if (goesLeft[i]) o[l++] = i;
      else scratch[r++] = i;
    }
    System.arraycopy(scratch, 0, o, l, r);
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
