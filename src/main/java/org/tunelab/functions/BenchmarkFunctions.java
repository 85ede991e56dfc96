package org.tunelab.functions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public benchmark functions of ../shared/bench/functions.md, by the names used there. Their
 * {@code branin} reads {@code x0, x1}; the built-in {@code branin} objective of
 * {@link BuiltinFunctions} reads {@code x, y} and stays as it is.
 */
public final class BenchmarkFunctions {
  private static final Map<String, BenchmarkFunction> ALL = new TreeMap<>();

  static {
    register(new PublicFunction("branin", "Branin-Hoo of x0 in [-5, 10] and x1 in [0, 15]; minimum 0.397887",
        new double[] {-5, 0}, new double[] {10, 15}, Branin.MINIMUM, x -> Branin.of(x[0], x[1])));
    register(PublicFunction.box("rosenbrock10", "Rosenbrock in 10 dimensions, [-5, 10] each; minimum 0",
        10, -5, 10, 0.0, BenchmarkFunctions::rosenbrock));
    register(PublicFunction.box("ackley10", "Ackley in 10 dimensions, [-32.768, 32.768] each; minimum 0",
        10, -32.768, 32.768, 0.0, BenchmarkFunctions::ackley));
    register(PublicFunction.box("styblinski_tang10", "Styblinski-Tang in 10 dimensions, [-5, 5] each; "
        + "minimum -391.6616570377142", 10, -5, 5, -391.6616570377142, BenchmarkFunctions::styblinskiTang));
  }

  private BenchmarkFunctions() {}

  private static void register(BenchmarkFunction f) {
    ALL.put(f.name(), f);
  }

  /** The function called {@code name}; throws with the list of known names otherwise. */
  public static BenchmarkFunction get(String name) {
    BenchmarkFunction f = ALL.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown benchmark function \"" + name + "\"; known: "
          + String.join(", ", ALL.keySet()));
    }
    return f;
  }

  public static List<BenchmarkFunction> all() {
    return List.copyOf(ALL.values());
  }

  static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      sum += 100 * a * a + b * b;
    }
    return sum;
  }

  static double ackley(double[] x) {
    double squares = 0;
    double cosines = 0;
    for (double v : x) {
      squares += v * v;
      cosines += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
  }

  static double styblinskiTang(double[] x) {
    double sum = 0;
    for (double v : x) sum += v * v * v * v - 16 * v * v + 5 * v;
    return 0.5 * sum;
  }
}
