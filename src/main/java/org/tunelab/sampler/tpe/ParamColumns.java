package org.tunelab.sampler.tpe;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tunelab.trial.FrozenTrial;

/**
 * Internal parameter values of finished trials, one array per parameter indexed by trial number, so
 * that building a model reads arrays instead of converting every trial's map at every call. A
 * finished trial never changes, which is what makes the cache exact; running trials are read afresh.
 * Thread-safe.
 */
final class ParamColumns {
  /** The system attribute where a running trial shares its joint sample (for the constant liar). */
  static final String RELATIVE_PARAMS_KEY = "tpe:relative_params";
  private static final double UNKNOWN = Double.longBitsToDouble(0x7ff8dead00000000L);

  private final Map<String, Column> columns = new ConcurrentHashMap<>();

  /** The column of one parameter of one study. */
  Column column(String study, String name) {
    return columns.computeIfAbsent(study + '\u0000' + name, k -> new Column(name));
  }

  static double live(FrozenTrial trial, String name) {
    if (trial.params().containsKey(name)) return trial.internalParam(name);
    if (trial.systemAttrs().get(RELATIVE_PARAMS_KEY) instanceof Map<?, ?> shared
        && shared.get(name) instanceof Number n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }

  static final class Column {
    private final String name;
    private double[] values = new double[0];
    private SortedValues sorted;
    private final NormCache norms = new NormCache();

    private Column(String name) {
      this.name = name;
    }

    /** The values of this parameter in {@code trials}, in order, under one lock. */
    synchronized double[] values(java.util.List<FrozenTrial> trials) {
      double[] out = new double[trials.size()];
      for (int i = 0; i < out.length; i++) out[i] = get(trials.get(i));
      return out;
    }

    /**
     * As {@link #values(java.util.List)} with each trial's number and whether it is finished read
     * beforehand (once for all columns): finished trials are then array reads.
     */
    synchronized double[] values(java.util.List<FrozenTrial> trials, int[] numbers, boolean[] finished) {
      double[] out = new double[numbers.length];
      for (int i = 0; i < out.length; i++) {
        int t = numbers[i];
        double v = finished[i] && t < values.length ? values[t] : UNKNOWN;
        out[i] = Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(UNKNOWN) ? get(trials.get(i)) : v;
      }
      return out;
    }

    /** The internal value of this parameter in {@code trial}, or NaN when the trial does not have it. */
    synchronized double get(FrozenTrial trial) {
      if (!trial.state().isFinished()) return live(trial, name);
      int i = trial.number();
      if (i >= values.length) {
        int old = values.length;
        values = Arrays.copyOf(values, Math.max(i + 1, 2 * old + 16));
        Arrays.fill(values, old, values.length, UNKNOWN);
      }
      double v = values[i];
      if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(UNKNOWN)) {
        v = trial.params().containsKey(name) ? trial.internalParam(name) : Double.NaN;
        values[i] = v;
        if (sorted != null && !Double.isNaN(v)) sorted.add(i, v);
      }
      return v;
    }

    /**
     * The stable argsort of {@code mus} (kernel centres of the trials of {@code position}, see
     * {@link SortedValues#positions}, then the prior's centre) from this column's sorted finished
     * values, or {@code null} when it cannot
     * be read from them (a row is a running trial) and the caller must sort.
     */
    synchronized int[] order(boolean log, int[] position, double[] mus) {
      if (sorted == null || sorted.log() != log) {
        int[] numbers = new int[values.length];
        double[] known = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
          double v = values[i];
          if (Double.isNaN(v)) continue; // UNKNOWN is a NaN too
          numbers[count] = i;
          known[count++] = v;
        }
        sorted = SortedValues.of(log, numbers, known, count);
      }
      return sorted.order(position, mus);
    }

    /**
     * log of each value (observation i of trial {@code numbers[i]} has internal value
     * {@code internal[i]}), remembered per finished trial: the same numbers Math.log gives, computed
     * once per trial instead of once per proposal.
     */
    synchronized double[] logs(int[] numbers, double[] internal) {
      if (logs.length < values.length) {
        int old = logs.length;
        logs = Arrays.copyOf(logs, values.length);
        logOf = Arrays.copyOf(logOf, values.length);
        Arrays.fill(logOf, old, logOf.length, UNKNOWN);
      }
      double[] out = new double[numbers.length];
      for (int i = 0; i < out.length; i++) {
        int t = numbers[i];
        double v = internal[i];
        if (t < logs.length && Double.doubleToRawLongBits(logOf[t]) == Double.doubleToRawLongBits(v)) {
          out[i] = logs[t];
        } else {
          out[i] = Math.log(v);
          if (t < logs.length) {
            logs[t] = out[i];
            logOf[t] = v;
          }
        }
      }
      return out;
    }

    /** logs[t] is the log of logOf[t] (UNKNOWN: not computed). */
    private double[] logs = new double[0];
    private double[] logOf = new double[0];

    NormCache norms() {
      return norms;
    }
  }
}
