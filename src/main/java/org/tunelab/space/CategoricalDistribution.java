package org.tunelab.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tunelab.json.PythonJson;

/**
 * A choice among strings, numbers, booleans and {@code null}. The internal representation is the
 * index of the choice. Integers are held as {@link Long} and floats as {@link Double}; as in Python,
 * a lookup treats {@code 1}, {@code 1.0} and {@code true} as equal, so the first such choice wins.
 *
 * <pre>{@code
 * CategoricalDistribution optimizer = CategoricalDistribution.of("sgd", "adam");
 * }</pre>
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

  public CategoricalDistribution {
    if (choices == null || choices.isEmpty()) {
      throw new InvalidDistributionException("choices must contain at least one value");
    }
    List<Object> normalized = new ArrayList<>(choices.size());
    for (Object choice : choices) normalized.add(normalize(choice));
    choices = Collections.unmodifiableList(normalized);
  }

  public static CategoricalDistribution of(Object... choices) {
    return new CategoricalDistribution(java.util.Arrays.asList(choices));
  }

  private static Object normalize(Object choice) {
    if (choice == null || choice instanceof String || choice instanceof Boolean || choice instanceof Long
        || choice instanceof Double) {
      return choice;
    }
    if (choice instanceof Integer || choice instanceof Short || choice instanceof Byte) {
      return ((Number) choice).longValue();
    }
    if (choice instanceof Float f) return f.doubleValue();
    if (choice instanceof BigInteger b && b.bitLength() < 64) return b.longValue();
    throw new InvalidDistributionException("a choice must be a string, number, boolean or null, got "
        + choice.getClass().getSimpleName() + " " + choice);
  }

  @Override
  public double toInternal(Object external) {
    Object value = normalize(external);
    for (int i = 0; i < choices.size(); i++) {
      if (pythonEquals(choices.get(i), value)) return i;
    }
    throw new InvalidDistributionException("value " + PythonJson.write(value) + " is not one of the choices "
        + PythonJson.write(choices));
  }

  @Override
  public Object toExternal(double internal) {
    int index = (int) internal;
    if (index != internal || index < 0 || index >= choices.size()) {
      throw new InvalidDistributionException("index " + internal + " is outside the " + choices.size() + " choices");
    }
    return choices.get(index);
  }

  @Override
  public boolean contains(double internal) {
    return internal == Math.rint(internal) && internal >= 0 && internal < choices.size();
  }

  @Override
  public boolean isSingle() {
    return choices.size() == 1;
  }

  @Override
  public String describe() {
    return "categorical " + PythonJson.write(choices);
  }

  /** Whether both hold the same choices in the same order, compared as Python compares lists. */
  public boolean sameChoices(CategoricalDistribution other) {
    if (choices.size() != other.choices.size()) return false;
    for (int i = 0; i < choices.size(); i++) {
      if (!pythonEquals(choices.get(i), other.choices.get(i))) return false;
    }
    return true;
  }

  /** Python's {@code ==} across None, bool, int, float and str; NaN equals itself as list.index does. */
  static boolean pythonEquals(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof String || b instanceof String) return a.equals(b);
    double x = numeric(a);
    double y = numeric(b);
    return x == y || (Double.isNaN(x) && Double.isNaN(y) && a.equals(b));
  }

  private static double numeric(Object o) {
    if (o instanceof Boolean b) return b ? 1 : 0;
    return ((Number) o).doubleValue();
  }
}
