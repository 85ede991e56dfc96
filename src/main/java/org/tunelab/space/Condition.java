package org.tunelab.space;

import java.util.List;
import java.util.Objects;

/**
 * A parameter exists only when another parameter (its parent) took one of the given values, as in
 * {@code momentum: {..., when: {optimizer: sgd}}}.
 *
 * @param parent the name of the parameter this one depends on
 * @param values the parent's values that make this parameter active
 */
public record Condition(String parent, List<Object> values) {
  public Condition {
    Objects.requireNonNull(parent, "parent");
    if (values == null || values.isEmpty()) {
      throw new InvalidDistributionException("a condition on \"" + parent + "\" needs at least one value");
    }
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  public static Condition when(String parent, Object... values) {
    return new Condition(parent, java.util.Arrays.asList(values));
  }

  /** Whether the parent's external value makes the conditioned parameter active. */
  public boolean holdsFor(Object parentValue) {
    for (Object v : values) {
      if (CategoricalDistribution.pythonEquals(v, parentValue)) return true;
    }
    return false;
  }
}
