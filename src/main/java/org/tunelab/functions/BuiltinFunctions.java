package org.tunelab.functions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of built-in functions by name. */
public final class BuiltinFunctions {
  private static final Map<String, BuiltinFunction> ALL = new TreeMap<>();

  static {
    register(new Branin());
    register(new Sphere());
    // The ten-dimensional benchmark functions double as objectives; the benchmark branin (x0, x1)
    // does not, since "branin" already names the x, y version.
    for (BenchmarkFunction f : BenchmarkFunctions.all()) {
      if (!f.name().equals("branin")) register(f);
    }
  }

  private BuiltinFunctions() {}

  private static void register(BuiltinFunction f) {
    ALL.put(f.name(), f);
  }

  /** The function called {@code name}; throws with the list of known names otherwise. */
  public static BuiltinFunction get(String name) {
    BuiltinFunction f = ALL.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown built-in objective \"" + name + "\"; known: "
          + String.join(", ", ALL.keySet()));
    }
    return f;
  }

  public static List<BuiltinFunction> all() {
    return List.copyOf(ALL.values());
  }
}
