package org.tunelab.sampler.tpe;

import java.util.Arrays;

/**
 * One parameter's finished values in kernel space (the internal value, or its logarithm on log
 * scales), kept sorted by (value, trial number) as trials finish, so that ordering a Parzen
 * estimator's kernel centres is a filter of this list instead of a sort. The filtered order is the
 * one a stable sort of the centres in trial-number order gives ({@link Argsort}), ties included.
 * Not thread-safe: its {@link ParamColumns.Column} guards it.
 */
final class SortedValues {
  private final boolean log;
  private double[] keys = new double[0];
  private int[] numbers = new int[0];
  private int size;

  SortedValues(boolean log) {
    this.log = log;
  }

  /** The list of the given trials (numbers ascending) and their internal values (none NaN). */
  static SortedValues of(boolean log, int[] trialNumbers, double[] internals, int count) {
    SortedValues v = new SortedValues(log);
    double[] k = new double[count];
    for (int i = 0; i < count; i++) k[i] = key(log, internals[i]);
    int[] idx = Argsort.of(k);
    v.keys = new double[count + 16];
    v.numbers = new int[count + 16];
    for (int i = 0; i < count; i++) {
      v.keys[i] = k[idx[i]];
      v.numbers[i] = trialNumbers[idx[i]];
    }
    v.size = count;
    return v;
  }

  boolean log() {
    return log;
  }

  static double key(boolean log, double internal) {
    return log ? Math.log(internal) : internal;
  }

  /** Adds finished trial {@code number} with internal value {@code internal} (not NaN). */
  void add(int number, double internal) {
    double k = key(log, internal);
    if (size == keys.length) {
      int n = 2 * size + 16;
      keys = Arrays.copyOf(keys, n);
      numbers = Arrays.copyOf(numbers, n);
    }
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] < k || (keys[mid] == k && numbers[mid] < number)) lo = mid + 1;
      else hi = mid;
    }
    System.arraycopy(keys, lo, keys, lo + 1, size - lo);
    System.arraycopy(numbers, lo, numbers, lo + 1, size - lo);
    keys[lo] = k;
    numbers[lo] = number;
    size++;
  }

  /**
   * The rows of trials {@code rows} (ascending) by trial number, -1 for other numbers; or
   * {@code null} when the rows do not ascend, so ties could not follow row order.
   */
  static int[] positions(int[] rows) {
    int maxNumber = -1;
    for (int r : rows) {
      if (r <= maxNumber) return null;
      maxNumber = r;
    }
    int[] position = new int[maxNumber + 1];
    Arrays.fill(position, -1);
    for (int i = 0; i < rows.length; i++) position[rows[i]] = i;
    return position;
  }

  /**
   * The indices that sort {@code mus} stably, where {@code mus[i]} is the kernel centre of the trial
   * whose row is i in {@code position} (from {@link #positions}) and the last entry of {@code mus}
   * is the prior's centre; or {@code null} when some row is not a finished trial of this list (a
   * running trial under the constant liar) or its centre differs, and the caller must sort.
   */
  int[] order(int[] position, double[] mus) {
    int n = mus.length - 1;
    int maxNumber = position.length - 1;
    double prior = mus[n];
    int[] out = new int[n + 1];
    int filled = 0;
    boolean priorPlaced = false;
    for (int j = 0; j < size; j++) {
      int t = numbers[j];
      if (t > maxNumber || position[t] < 0) continue;
      double k = keys[j];
      int i = position[t];
      if (Double.doubleToRawLongBits(k) != Double.doubleToRawLongBits(mus[i])) return null;
      // The prior comes last among equal centres: its index is the largest.
      if (!priorPlaced && k > prior) {
        out[filled++] = n;
        priorPlaced = true;
      }
      out[filled++] = i;
    }
    if (filled != (priorPlaced ? n + 1 : n)) return null;
    if (!priorPlaced) out[filled] = n;
    return out;
  }
}
