package org.tunelab.functions;

import java.util.List;
import java.util.Map;

/** The sum of squares of every numeric parameter (booleans and strings are ignored); minimum 0. */
final class Sphere implements BuiltinFunction {
  @Override
  public String name() {
    return "sphere";
  }

  @Override
  public String description() {
    return "sum of squares of all numeric parameters; minimum 0 at the origin";
  }

  @Override
  public List<String> requiredParams() {
    return List.of();
  }

  @Override
  public double evaluate(Map<String, ?> params) {
    double sum = 0;
    boolean any = false;
    for (Object v : params.values()) {
      if (v instanceof Number n) {
        sum += n.doubleValue() * n.doubleValue();
        any = true;
      }
    }
    if (!any) throw new IllegalArgumentException("sphere needs at least one numeric parameter");
    return sum;
  }
}
