package org.tunelab.space;

/**
 * The set of values one parameter may take. Every distribution maps a user-facing (external) value
 * to Optuna's internal representation, a double: the value itself for floats, the value as a double
 * for ints, and the index into the choices for categoricals. Instances are immutable and compare by
 * value.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

  /** The internal representation of {@code external}; throws when the value is not of this distribution. */
  double toInternal(Object external);

  /** The user-facing value for an internal representation. */
  Object toExternal(double internal);

  /** Whether an internal value lies in this distribution (on its step grid, within its bounds). */
  boolean contains(double internal);

  /** Whether this distribution admits exactly one value. */
  boolean isSingle();

  /** A short human description such as {@code float [1e-05, 0.1] log}. */
  String describe();
}
