package org.tunelab.functions;

import org.tunelab.space.SearchSpace;

/**
 * A public test function with known bounds and global minimum (see ../shared/bench/functions.md):
 * parameters {@code x0, x1, ...}, plain linear floats, minimised. Stateless and thread-safe.
 *
 * <pre>{@code
 * BenchmarkFunction f = BenchmarkFunctions.get("branin");
 * double regret = f.evaluate(Map.of("x0", Math.PI, "x1", 2.275)) - f.globalMinimum();
 * }</pre>
 */
public interface BenchmarkFunction extends BuiltinFunction {

  /** The parameters and their bounds, in order {@code x0, x1, ...}. */
  SearchSpace searchSpace();

  /** The smallest value the function takes inside its bounds. */
  double globalMinimum();

  /** The value at a point given as an array, {@code x[i]} being parameter {@code xi}. */
  double evaluate(double[] x);

  /** Simple regret of a best-so-far value: how far it is above the global minimum. */
  default double regret(double best) {
    return best - globalMinimum();
  }
}
