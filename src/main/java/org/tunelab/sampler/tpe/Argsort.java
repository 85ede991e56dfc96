package org.tunelab.sampler.tpe;

/**
 * Indices that sort an array of doubles, stably, without boxing: building a Parzen estimator sorts
 * thousands of kernel centres per parameter and per trial, where boxed comparators dominated the
 * sampler's cost.
 */
final class Argsort {
  private Argsort() {}

  /**
   * As {@link #of}, but ordering keys as {@link Double#compare} does (-0.0 before 0.0, NaN last), so
   * the result is the order of a stable {@code List.sort(Comparator.comparingDouble(...))}.
   */
  static int[] ofTotalOrder(double[] keys) {
    int n = keys.length;
    // Double.compare's order is the signed order of these longs.
    long[] bits = new long[n];
    for (int i = 0; i < n; i++) {
      long b = Double.doubleToLongBits(keys[i]);
      bits[i] = b >= 0 ? b : b ^ Long.MAX_VALUE;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    int[] tmp = new int[n];
    for (int lo = 0; lo < n; lo += 16) {
      for (int i = lo + 1; i < Math.min(lo + 16, n); i++) {
        int v = idx[i];
        int j = i - 1;
        while (j >= lo && bits[idx[j]] > bits[v]) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = v;
      }
    }
    for (int width = 16; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (bits[idx[mid - 1]] <= bits[idx[mid]]) continue;
        System.arraycopy(idx, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (i < mid && (j >= hi || bits[tmp[i]] <= bits[tmp[j]])) idx[k] = tmp[i++];
          else idx[k] = tmp[j++];
        }
      }
    }
    return idx;
  }

  static int[] of(double[] keys) {
    int n = keys.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    int[] tmp = new int[n];
    // Bottom-up merge sort; runs of 16 are insertion-sorted first.
    for (int lo = 0; lo < n; lo += 16) insertion(keys, idx, lo, Math.min(lo + 16, n));
    for (int width = 16; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        merge(keys, idx, tmp, lo, lo + width, Math.min(lo + 2 * width, n));
      }
    }
    return idx;
  }

  private static void insertion(double[] keys, int[] idx, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      int v = idx[i];
      int j = i - 1;
      while (j >= lo && keys[idx[j]] > keys[v]) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = v;
    }
  }

  private static void merge(double[] keys, int[] idx, int[] tmp, int lo, int mid, int hi) {
    if (keys[idx[mid - 1]] <= keys[idx[mid]]) return;
    System.arraycopy(idx, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (i < mid && (j >= hi || keys[tmp[i]] <= keys[tmp[j]])) idx[k] = tmp[i++];
      else idx[k] = tmp[j++];
    }
  }
}
