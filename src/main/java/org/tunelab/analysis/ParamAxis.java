package org.tunelab.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;

/**
 * How one parameter is laid out on a plot axis: numerically, on a log scale, or as categories at
 * positions 0, 1, 2, ... (Optuna's plots do the same). Categorical labels are the choices in the
 * order of the distribution, so the axis does not reorder when a new choice shows up.
 *
 * <pre>{@code
 * ParamAxis lr = ParamAxis.of("lr", trials);
 * lr.scale();                 // LOG for a log-distributed float
 * lr.position(trial);         // the value itself; the choice index for a categorical
 * }</pre>
 *
 * @param name the parameter name
 * @param scale linear, log or categorical
 * @param categories the labels of a categorical axis, by position; empty otherwise
 */
public record ParamAxis(String name, Scale scale, List<String> categories) {

  /** How an axis maps a parameter's values. */
  public enum Scale { LINEAR, LOG, CATEGORICAL }

  public ParamAxis {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scale, "scale");
    categories = List.copyOf(categories);
  }

  /**
   * The axis of {@code name} as the trials that use it define it: the most recent distribution
   * decides the scale, because a study may have widened a range but not changed a parameter's kind.
   */
  public static ParamAxis of(String name, Collection<FrozenTrial> trials) {
    Distribution last = null;
    for (FrozenTrial t : trials) {
      Distribution d = t.distributions().get(name);
      if (d != null) last = d;
    }
    if (last instanceof CategoricalDistribution c) {
      List<String> labels = new ArrayList<>();
      for (Object choice : c.choices()) labels.add(label(choice));
      return new ParamAxis(name, Scale.CATEGORICAL, labels);
    }
    boolean log = last instanceof FloatDistribution f && f.log() || last instanceof IntDistribution i && i.log();
    return new ParamAxis(name, log ? Scale.LOG : Scale.LINEAR, List.of());
  }

  /** Every parameter used by any of the trials, sorted by name (Optuna's plots sort them so too). */
  public static List<String> paramNames(Collection<FrozenTrial> trials) {
    TreeSet<String> names = new TreeSet<>();
    for (FrozenTrial t : trials) names.addAll(t.params().keySet());
    return List.copyOf(names);
  }

  /**
   * Where the trial's value of this parameter sits on the axis: the number itself (also for log
   * axes, which the chart draws logarithmically), or the choice's position for a categorical; NaN
   * when the trial did not use the parameter or its value is not on this axis.
   */
  public double position(FrozenTrial trial) {
    if (!trial.params().containsKey(name)) return Double.NaN;
    Object value = trial.params().get(name);
    if (scale == Scale.CATEGORICAL) return categories.indexOf(label(value));
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public boolean isLog() {
    return scale == Scale.LOG;
  }

  public boolean isCategorical() {
    return scale == Scale.CATEGORICAL;
  }

  /** A choice as Python prints it, so labels read the same as in Optuna's plots. */
  static String label(Object choice) {
    if (choice == null) return "None";
    if (choice instanceof Boolean b) return b ? "True" : "False";
    return choice.toString();
  }
}
