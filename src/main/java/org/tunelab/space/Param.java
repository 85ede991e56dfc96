package org.tunelab.space;

import java.util.Objects;

/**
 * One named parameter of a search space.
 *
 * @param condition when it is active, or {@code null} when it always is
 */
public record Param(String name, Distribution distribution, Condition condition) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(distribution, "distribution of " + name);
    if (name.isBlank()) throw new InvalidDistributionException("a parameter name must not be blank");
  }

  public static Param of(String name, Distribution distribution) {
    return new Param(name, distribution, null);
  }

  public boolean isConditional() {
    return condition != null;
  }
}
