package org.tunelab.storage;

import java.util.List;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.TrialState;

/** The checks every store applies before writing a trial, so that all stores refuse the same things. */
public final class TrialWriteRules {
  private TrialWriteRules() {}

  /**
   * Optuna's {@code check_distribution_compatibility}: a parameter keeps its kind, its log flag and
   * its choices across a study; ranges and steps may change.
   */
  public static void checkCompatible(String name, Distribution existing, Distribution proposed) {
    if (existing.getClass() != proposed.getClass()) {
      throw new IncompatibleDistributionException("parameter \"" + name + "\" is " + existing.describe()
          + " in this study and cannot become " + proposed.describe());
    }
    boolean logChanged = (existing instanceof FloatDistribution f && f.log() != ((FloatDistribution) proposed).log())
        || (existing instanceof IntDistribution i && i.log() != ((IntDistribution) proposed).log());
    if (logChanged) {
      throw new IncompatibleDistributionException("parameter \"" + name + "\" is " + existing.describe()
          + " in this study; its log scale cannot change (" + proposed.describe() + ")");
    }
    if (existing instanceof CategoricalDistribution c && !c.sameChoices((CategoricalDistribution) proposed)) {
      throw new IncompatibleDistributionException("parameter \"" + name + "\" has choices " + existing.describe()
          + " in this study; they cannot change to " + proposed.describe());
    }
  }

  /** Checks that a parameter value lies in its distribution. */
  public static void checkParam(String name, TrialUpdate.ParamValue value) {
    if (!value.distribution().contains(value.internal())) {
      throw new IllegalArgumentException("parameter \"" + name + "\" = " + value.internal() + " is outside "
          + value.distribution().describe());
    }
  }

  /** Checks the values that go with a state: COMPLETE needs one non-NaN value per objective. */
  public static void checkValues(int objectives, TrialState state, List<Double> values) {
    if (values != null) {
      if (values.size() != objectives) {
        throw new IllegalArgumentException("expected " + objectives + " value(s), one per objective, got "
            + values.size());
      }
      for (Double v : values) {
        if (v == null || v.isNaN()) {
          throw new IllegalArgumentException("a trial value cannot be NaN; the trial should fail instead");
        }
      }
    }
    if (state == TrialState.COMPLETE && values == null) {
      throw new IllegalArgumentException("a COMPLETE trial needs " + objectives + " value(s)");
    }
  }
}
