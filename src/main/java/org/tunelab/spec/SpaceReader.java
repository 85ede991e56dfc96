package org.tunelab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunelab.json.PythonFloat;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code space:} section. Checks each rule of the distributions itself, before building
 * them, so that a problem is reported at the exact key ({@code space.lr.low}) rather than at the
 * parameter.
 */
final class SpaceReader {
  static final List<String> PARAM_KEYS = List.of("type", "low", "high", "step", "log", "choices", "when");
  private static final List<String> TYPES = List.of("float", "int", "categorical");
  private static final Map<String, Set<String>> KEYS_OF_TYPE = Map.of(
      "float", Set.of("type", "low", "high", "step", "log", "when"),
      "int", Set.of("type", "low", "high", "step", "log", "when"),
      "categorical", Set.of("type", "choices", "when"));

  private final SpecNodes nodes;
  /** Parameters already reported as wrong: a condition on one of them is not a second problem. */
  private final Set<String> invalid = new java.util.HashSet<>();

  SpaceReader(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /** The search space, or {@code null} when a problem was reported. */
  SearchSpace read(Node node) {
    Map<String, Node> entries = nodes.mapping(node, "space", null);
    if (entries == null) return null;
    if (entries.isEmpty()) {
      nodes.error(node, "space", "needs at least one parameter");
      return null;
    }
    Map<String, Param> params = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      Param p = param(e.getKey(), e.getValue(), params);
      if (p == null) {
        ok = false;
        invalid.add(e.getKey());
      } else {
        params.put(p.name(), p);
      }
    }
    if (!ok) return null;
    try {
      return SearchSpace.of(new ArrayList<>(params.values()));
    } catch (InvalidDistributionException e) {
      nodes.error(node, "space", e.getMessage());
      return null;
    }
  }

  private Param param(String name, Node node, Map<String, Param> earlier) {
    String field = "space." + name;
    Map<String, Node> keys = nodes.mapping(node, field, PARAM_KEYS);
    if (keys == null) return null;
    Node typeNode = keys.get("type");
    if (typeNode == null) {
      nodes.error(node, field, "needs a type: float, int or categorical");
      return null;
    }
    String type = nodes.string(typeNode, field + ".type");
    if (type == null) return null;
    if (!TYPES.contains(type)) {
      nodes.error(typeNode, field + ".type", "must be float, int or categorical, got \"" + type + "\""
          + Suggestions.didYouMean(type, TYPES));
      return null;
    }
    boolean ok = true;
    for (Map.Entry<String, Node> k : keys.entrySet()) {
      if (!KEYS_OF_TYPE.get(type).contains(k.getKey())) {
        nodes.error(k.getValue(), field + "." + k.getKey(), "is not used by a " + type + " parameter");
        ok = false;
      }
    }
    Distribution d = switch (type) {
      case "float" -> floatDistribution(field, node, keys);
      case "int" -> intDistribution(field, node, keys);
      default -> categorical(field, keys);
    };
    Condition condition = keys.containsKey("when") ? condition(field, keys.get("when"), earlier) : null;
    if (!ok || d == null || (keys.containsKey("when") && condition == null)) return null;
    return new Param(name, d, condition);
  }

  private Distribution floatDistribution(String field, Node node, Map<String, Node> keys) {
    Double low = required(keys, "low", field, node);
    Double high = required(keys, "high", field, node);
    Double step = keys.containsKey("step") ? nodes.number(keys.get("step"), field + ".step") : null;
    Boolean log = keys.containsKey("log") ? nodes.bool(keys.get("log"), field + ".log") : Boolean.FALSE;
    if (low == null || high == null || log == null || (keys.containsKey("step") && step == null)) return null;
    if (!Double.isFinite(low)) return bad(keys, "low", field, "must be finite, got " + PythonFloat.repr(low));
    if (!Double.isFinite(high)) return bad(keys, "high", field, "must be finite, got " + PythonFloat.repr(high));
    if (low > high) {
      return bad(keys, "high", field, "must be >= low (" + PythonFloat.repr(low) + "), got " + PythonFloat.repr(high));
    }
    if (log && low <= 0) return bad(keys, "low", field, "must be > 0 for a log scale, got " + PythonFloat.repr(low));
    if (step != null && log) return bad(keys, "step", field, "cannot be combined with log: true");
    if (step != null && !(step > 0)) return bad(keys, "step", field, "must be > 0, got " + PythonFloat.repr(step));
    return build(field, node, () -> new FloatDistribution(low, high, step, log));
  }

  private Distribution intDistribution(String field, Node node, Map<String, Node> keys) {
    Long low = requiredInt(keys, "low", field, node);
    Long high = requiredInt(keys, "high", field, node);
    Long step = keys.containsKey("step") ? nodes.integer(keys.get("step"), field + ".step") : Long.valueOf(1);
    Boolean log = keys.containsKey("log") ? nodes.bool(keys.get("log"), field + ".log") : Boolean.FALSE;
    if (low == null || high == null || step == null || log == null) return null;
    if (low > high) return bad(keys, "high", field, "must be >= low (" + low + "), got " + high);
    if (log && low < 1) return bad(keys, "low", field, "must be >= 1 for a log scale, got " + low);
    if (step < 1) return bad(keys, "step", field, "must be >= 1, got " + step);
    if (log && step != 1) return bad(keys, "step", field, "must be 1 for a log scale, got " + step);
    return build(field, node, () -> new IntDistribution(low, high, step, log));
  }

  private Distribution categorical(String field, Map<String, Node> keys) {
    Node choicesNode = keys.get("choices");
    if (choicesNode == null) {
      nodes.error(keys.get("type"), field, "a categorical parameter needs choices: [...]");
      return null;
    }
    List<Node> items = nodes.sequence(choicesNode, field + ".choices");
    if (items == null) return null;
    if (items.isEmpty()) return bad(keys, "choices", field, "must hold at least one value");
    List<Object> choices = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object v = nodes.scalar(items.get(i), field + ".choices[" + i + "]");
      if (v == SpecNodes.NOT_SCALAR) return null;
      choices.add(v);
    }
    return build(field, choicesNode, () -> new CategoricalDistribution(choices));
  }

  private Condition condition(String field, Node node, Map<String, Param> earlier) {
    Map<String, Node> entries = nodes.mapping(node, field + ".when", null);
    if (entries == null) return null;
    if (entries.size() != 1) {
      nodes.error(node, field + ".when", "must name exactly one parent parameter, as in when: {optimizer: sgd}");
      return null;
    }
    String parent = entries.keySet().iterator().next();
    Node valueNode = entries.get(parent);
    String path = field + ".when." + parent;
    Param parentParam = earlier.get(parent);
    if (parentParam == null && invalid.contains(parent)) return null;
    if (parentParam == null) {
      nodes.error(node, path, "parameter '" + parent + "' must be defined above this one"
          + Suggestions.didYouMean(parent, earlier.keySet()));
      return null;
    }
    Object plain = nodes.plain(valueNode, path);
    List<Object> values = plain instanceof List<?> l ? new ArrayList<>(l) : java.util.Arrays.asList(plain);
    for (Object v : values) {
      try {
        double internal = parentParam.distribution().toInternal(v);
        if (!parentParam.distribution().contains(internal)) throw new InvalidDistributionException("outside");
      } catch (InvalidDistributionException e) {
        nodes.error(valueNode, path, "'" + parent + "' can never be " + SpecNodes.show(v) + " ("
            + parentParam.distribution().describe() + ")");
        return null;
      }
    }
    return new Condition(parent, values);
  }

  private Double required(Map<String, Node> keys, String key, String field, Node param) {
    Node n = keys.get(key);
    if (n == null) {
      nodes.error(param, field, "needs " + key);
      return null;
    }
    return nodes.number(n, field + "." + key);
  }

  private Long requiredInt(Map<String, Node> keys, String key, String field, Node param) {
    Node n = keys.get(key);
    if (n == null) {
      nodes.error(param, field, "needs " + key);
      return null;
    }
    return nodes.integer(n, field + "." + key);
  }

  private Distribution bad(Map<String, Node> keys, String key, String field, String message) {
    nodes.error(keys.get(key), field + "." + key, message);
    return null;
  }

  /** Builds a distribution; a rule not checked above is still reported, at the parameter. */
  private Distribution build(String field, Node node, java.util.function.Supplier<Distribution> make) {
    try {
      return make.get();
    } catch (InvalidDistributionException e) {
      nodes.error(node, field, e.getMessage());
      return null;
    }
  }
}
