package org.tunelab.functions;

import java.util.List;
import java.util.Map;

/**
 * The Branin-Hoo function of {@code x} in [-5, 10] and {@code y} in [0, 15]; three global minima of
 * 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475).
 */
final class Branin implements BuiltinFunction {
  static final double MINIMUM = 0.39788735772973816;

  @Override
  public String name() {
    return "branin";
  }

  @Override
  public String description() {
    return "Branin-Hoo of x in [-5, 10] and y in [0, 15]; minimum 0.397887";
  }

  @Override
  public List<String> requiredParams() {
    return List.of("x", "y");
  }

  @Override
  public double evaluate(Map<String, ?> params) {
    double[] v = numbers(params);
    return of(v[0], v[1]);
  }

  static double of(double x, double y) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = y - b * x * x + c * x - 6;
    return u * u + 10 * (1 - t) * Math.cos(x) + 10;
  }
}
