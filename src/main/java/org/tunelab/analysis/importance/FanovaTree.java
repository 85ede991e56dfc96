package org.tunelab.analysis.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The functional-ANOVA decomposition of one regression tree over the search space, as Optuna's
 * {@code _fanova/_tree.py} defines it. Each leaf covers a box of the space; the tree's total variance
 * is the variance of the leaf values weighted by box volume. The marginal of a set of raw features F
 * is the tree's prediction averaged over all other features; it is constant on the cells between
 * consecutive split thresholds of F, and its variance over those cells, weighted by cell size, is the
 * marginal variance.
 *
 * <p>Optuna computes each cell's marginal by walking the tree from the root; here each leaf adds its
 * value to every cell its box covers, with weight {@code volume / (its width along F)}, which is the
 * same sum (a subtree that does not split on F contributes the same either way) in one pass.
 */
final class FanovaTree {
  private final RegressionTree tree;
  private final double[][] bounds;
  private final List<Integer> leaves = new ArrayList<>();
  private final List<double[][]> leafBoxes = new ArrayList<>();
  /** Each raw feature's bounds and split thresholds, sorted and distinct: the cell edges along it. */
  private final double[][] edges;
  /** Each leaf's box as positions in {@link #edges}: {@code [leaf][feature] = {from, to}}. */
  private final List<int[][]> leafCells = new ArrayList<>();
  private final double[] leafVolume;
  private final double variance;

  FanovaTree(RegressionTree tree, double[][] bounds) {
    this.tree = tree;
    this.bounds = bounds;
    edges = new double[bounds.length][];
    for (int f = 0; f < bounds.length; f++) edges[f] = edges(f);
    double[][] root = new double[bounds.length][];
    int[][] rootCells = new int[bounds.length][];
    for (int f = 0; f < bounds.length; f++) {
      root[f] = bounds[f].clone();
      rootCells[f] = new int[] {0, edges[f].length - 1};
    }
    collectLeaves(0, root, rootCells);
    leafVolume = new double[leaves.size()];
    double total = 0;
    double mean = 0;
    for (int k = 0; k < leaves.size(); k++) {
      double v = 1;
      for (double[] side : leafBoxes.get(k)) v *= side[1] - side[0];
      leafVolume[k] = v;
      total += v;
      mean += v * tree.value[leaves.get(k)];
    }
    mean /= total;
    double var = 0;
    for (int k = 0; k < leaves.size(); k++) {
      double d = tree.value[leaves.get(k)] - mean;
      var += leafVolume[k] * d * d;
    }
    variance = total > 0 ? var / total : 0;
  }

  private void collectLeaves(int node, double[][] box, int[][] cells) {
    int f = tree.feature[node];
    if (f < 0) {
      leaves.add(node);
      leafBoxes.add(box);
      leafCells.add(cells);
      return;
    }
    // the threshold is one of the edges, so its position is found once per split, not once per leaf
    int at = Arrays.binarySearch(edges[f], tree.threshold[node]);
    double[][] l = copy(box);
    l[f][1] = tree.threshold[node];
    int[][] lc = copy(cells);
    lc[f][1] = at;
    double[][] r = copy(box);
    r[f][0] = tree.threshold[node];
    int[][] rc = copy(cells);
    rc[f][0] = at;
    collectLeaves(tree.left[node], l, lc);
    collectLeaves(tree.right[node], r, rc);
  }

  private static double[][] copy(double[][] box) {
    double[][] c = new double[box.length][];
    for (int k = 0; k < box.length; k++) c[k] = box[k].clone();
    return c;
  }

  private static int[][] copy(int[][] box) {
    int[][] c = new int[box.length][];
    for (int k = 0; k < box.length; k++) c[k] = box[k].clone();
    return c;
  }

  /** The variance of the tree's prediction over the whole space. */
  double variance() {
    return variance;
  }

  /** The variance of the marginal prediction of the raw features {@code columns}, clipped at 0. */
  double marginalVariance(int[] columns) {
    int n = columns.length;
    double[][] edges = new double[n][];
    int[] cellsPer = new int[n];
    int cells = 1;
    for (int c = 0; c < n; c++) {
      edges[c] = this.edges[columns[c]];
      cellsPer[c] = edges[c].length - 1;
      cells = Math.multiplyExact(cells, cellsPer[c]);
    }
    if (cells == 1) return 0; // no split on F: the marginal is flat
    double[] weightSum = new double[cells];
    double[] valueSum = new double[cells];
    int[] from = new int[n];
    int[] to = new int[n];
    for (int k = 0; k < leaves.size(); k++) {
      double[][] box = leafBoxes.get(k);
      int[][] cellsOf = leafCells.get(k);
      double width = 1;
      for (int c = 0; c < n; c++) {
        double[] side = box[columns[c]];
        width *= side[1] - side[0];
        from[c] = cellsOf[columns[c]][0];
        to[c] = cellsOf[columns[c]][1];
      }
      if (width <= 0) continue;
      double w = leafVolume[k] / width;
      double v = tree.value[leaves.get(k)];
      if (n == 1) {
        // one feature: mark the range's ends and sum up once below, O(leaves + cells)
        weightSum[from[0]] += w;
        valueSum[from[0]] += w * v;
        if (to[0] < cells) {
          weightSum[to[0]] -= w;
          valueSum[to[0]] -= w * v;
        }
      } else {
        addToBox(weightSum, valueSum, from, to, cellsPer, w, v);
      }
    }
    if (n == 1) {
      for (int c = 1; c < cells; c++) {
        weightSum[c] += weightSum[c - 1];
        valueSum[c] += valueSum[c - 1];
      }
    }
    double total = 0;
    double mean = 0;
    double[] cellWeight = new double[cells];
    double[] cellValue = new double[cells];
    int[] index = new int[n];
    for (int cell = 0; cell < cells; cell++) {
      double size = 1;
      for (int c = 0; c < n; c++) size *= edges[c][index[c] + 1] - edges[c][index[c]];
      cellValue[cell] = valueSum[cell] / weightSum[cell];
      cellWeight[cell] = weightSum[cell] * size;
      total += cellWeight[cell];
      mean += cellWeight[cell] * cellValue[cell];
      increment(index, cellsPer);
    }
    mean /= total;
    double var = 0;
    for (int cell = 0; cell < cells; cell++) {
      double d = cellValue[cell] - mean;
      var += cellWeight[cell] * d * d;
    }
    return Math.max(0, var / total);
  }

  /** The search bounds of a raw feature with every split threshold on it in between, sorted, distinct. */
  private double[] edges(int column) {
    double[] all = new double[tree.nodeCount + 2];
    int n = 0;
    all[n++] = bounds[column][0];
    all[n++] = bounds[column][1];
    for (int node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] == column) all[n++] = tree.threshold[node];
    }
    Arrays.sort(all, 0, n);
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (distinct == 0 || Double.compare(all[k], all[distinct - 1]) != 0) all[distinct++] = all[k];
    }
    return Arrays.copyOf(all, distinct);
  }

  /** Adds weight and weighted value to every cell of the box [from, to) (row-major, last index fastest). */
  private static void addToBox(double[] weightSum, double[] valueSum, int[] from, int[] to, int[] cellsPer,
      double w, double v) {
    int n = from.length;
    int[] index = from.clone();
    while (true) {
      int cell = 0;
      for (int c = 0; c < n; c++) cell = cell * cellsPer[c] + index[c];
      weightSum[cell] += w;
      valueSum[cell] += w * v;
      int c = n - 1;
      while (c >= 0 && ++index[c] == to[c]) {
        index[c] = from[c];
        c--;
      }
      if (c < 0) return;
    }
  }

  private static void increment(int[] index, int[] cellsPer) {
    for (int c = index.length - 1; c >= 0; c--) {
      if (++index[c] < cellsPer[c]) return;
      index[c] = 0;
    }
  }
}
