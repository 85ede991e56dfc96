package org.tunelab.app.design.space;

import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;

/** The kind of a parameter draft, named as the spec file names it ({@code type: float}). */
public enum ParamType {
  FLOAT("float"),
  INT("int"),
  CATEGORICAL("categorical");

  private final String label;

  ParamType(String label) {
    this.label = label;
  }

  /** The spec file's word for this type. */
  public String label() {
    return label;
  }

  /** The type of an engine distribution. */
  public static ParamType of(Distribution distribution) {
    if (distribution instanceof FloatDistribution) return FLOAT;
    if (distribution instanceof CategoricalDistribution) return CATEGORICAL;
    return INT;
  }

  @Override
  public String toString() {
    return label;
  }
}
