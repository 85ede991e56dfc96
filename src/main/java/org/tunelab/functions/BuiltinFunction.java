package org.tunelab.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A named test function of named parameters. It ignores parameters it does not know and refuses,
 * naming them, parameters it needs but did not get.
 */
public interface BuiltinFunction {

  String name();

  /** One line for help texts. */
  String description();

  /** The parameters it reads; empty when it reads every numeric parameter it is given. */
  List<String> requiredParams();

  /** The value at {@code params}; throws {@link IllegalArgumentException} naming missing or non-numeric parameters. */
  double evaluate(Map<String, ?> params);

  /** The numeric value of each required parameter, in {@link #requiredParams()} order. */
  default double[] numbers(Map<String, ?> params) {
    List<String> missing = new ArrayList<>();
    double[] out = new double[requiredParams().size()];
    for (int i = 0; i < out.length; i++) {
      String p = requiredParams().get(i);
      Object v = params.get(p);
      if (v instanceof Number n) {
        out[i] = n.doubleValue();
      } else if (v == null) {
        missing.add(p);
      } else {
        throw new IllegalArgumentException(name() + " needs a number for parameter \"" + p + "\", got " + v);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(name() + " needs parameter(s) " + String.join(", ", missing)
          + "; the search space has " + (params.isEmpty() ? "no parameters" : String.join(", ", params.keySet())));
    }
    return out;
  }
}
