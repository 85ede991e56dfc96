package org.tunelab.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/** A benchmark function defined by its formula, its box and its known minimum. */
final class PublicFunction implements BenchmarkFunction {
  private final String name;
  private final String description;
  private final double[] low;
  private final double[] high;
  private final double minimum;
  private final ToDoubleFunction<double[]> formula;
  private final List<String> params;

  PublicFunction(String name, String description, double[] low, double[] high, double minimum,
      ToDoubleFunction<double[]> formula) {
    this.name = name;
    this.description = description;
    this.low = low.clone();
    this.high = high.clone();
    this.minimum = minimum;
    this.formula = formula;
    List<String> p = new ArrayList<>();
    for (int i = 0; i < low.length; i++) p.add("x" + i);
    this.params = List.copyOf(p);
  }

  static PublicFunction box(String name, String description, int dims, double low, double high, double minimum,
      ToDoubleFunction<double[]> formula) {
    double[] lo = new double[dims];
    double[] hi = new double[dims];
    java.util.Arrays.fill(lo, low);
    java.util.Arrays.fill(hi, high);
    return new PublicFunction(name, description, lo, hi, minimum, formula);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> requiredParams() {
    return params;
  }

  @Override
  public double evaluate(Map<String, ?> values) {
    return formula.applyAsDouble(numbers(values));
  }

  @Override
  public double evaluate(double[] x) {
    if (x.length != low.length) {
      throw new IllegalArgumentException(name + " takes " + low.length + " values, got " + x.length);
    }
    return formula.applyAsDouble(x);
  }

  @Override
  public SearchSpace searchSpace() {
    List<Param> list = new ArrayList<>();
    for (int i = 0; i < low.length; i++) list.add(Param.of(params.get(i), FloatDistribution.of(low[i], high[i])));
    return SearchSpace.of(list);
  }

  @Override
  public double globalMinimum() {
    return minimum;
  }

  @Override
  public String toString() {
    return name;
  }
}
