package org.tunelab.spec;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Resolves plain YAML scalars by YAML 1.2's core schema rather than SnakeYAML's YAML 1.1 rules, so
 * that {@code 1e-5} is a number (1.1 wants {@code 1.0e-5}) and {@code yes}, {@code no}, {@code on} and
 * {@code off} stay strings (a categorical choice {@code no} must not turn into {@code false}). Quoted
 * scalars are always strings. Integers are {@link Long}, floats {@link Double}, as in {@code space}.
 */
final class YamlScalars {
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private YamlScalars() {}

  static Object resolve(ScalarNode node) {
    String text = node.getValue();
    if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return text;
    if (NULL.matcher(text).matches()) return null;
    if (TRUE.matcher(text).matches()) return Boolean.TRUE;
    if (FALSE.matcher(text).matches()) return Boolean.FALSE;
    if (INT.matcher(text).matches()) {
      BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (FLOAT.matcher(text).matches()) return Double.parseDouble(text);
    if (INF.matcher(text).matches()) return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (NAN.matcher(text).matches()) return Double.NaN;
    return text;
  }
}
