package org.tunelab.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, located access to a YAML node tree. Every accessor that finds something wrong records a
 * {@link SpecProblem} at the node's line and returns {@code null}, so that a reader goes on and
 * reports every problem of a file at once.
 */
final class SpecNodes {
  private final String file;
  private final List<SpecProblem> problems = new ArrayList<>();

  SpecNodes(String file) {
    this.file = file;
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  void error(Node node, String field, String message) {
    problems.add(new SpecProblem(file, line(node), field, message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<SpecProblem> problems() {
    List<SpecProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(SpecProblem::line));
    return sorted;
  }

  /**
   * The entries of a mapping by key, in file order. Duplicate keys and keys outside {@code allowed}
   * (when it is not {@code null}) are reported with a "did you mean" hint.
   */
  Map<String, Node> mapping(Node node, String field, Collection<String> allowed) {
    if (!(node instanceof MappingNode map)) {
      error(node, field, "must be a mapping of keys to values, got " + describe(node));
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Object key = keyNode instanceof ScalarNode s ? YamlScalars.resolve(s) : null;
      String keyText = keyNode instanceof ScalarNode s ? s.getValue() : null;
      String path = join(field, keyText == null ? "?" : keyText);
      if (!(key instanceof String) && !(key instanceof Number) && !(key instanceof Boolean)) {
        error(keyNode, field, "keys must be plain names, got " + describe(keyNode));
      } else if (entries.containsKey(keyText)) {
        error(keyNode, path, "is given twice (first on line " + line(entries.get(keyText)) + ")");
      } else if (allowed != null && !allowed.contains(keyText)) {
        error(keyNode, path, "unknown key" + Suggestions.didYouMean(keyText, allowed)
            + " (allowed: " + String.join(", ", allowed) + ")");
      } else {
        entries.put(keyText, tuple.getValueNode());
      }
    }
    return entries;
  }

  List<Node> sequence(Node node, String field) {
    if (node instanceof SequenceNode seq) return seq.getValue();
    error(node, field, "must be a list, got " + describe(node));
    return null;
  }

  /** A scalar's value, or the {@code NOT_SCALAR} marker after reporting a list or mapping. */
  Object scalar(Node node, String field) {
    if (node instanceof ScalarNode s) return YamlScalars.resolve(s);
    error(node, field, "must be a single value, got " + describe(node));
    return NOT_SCALAR;
  }

  static final Object NOT_SCALAR = new Object();

  String string(Node node, String field) {
    Object v = scalar(node, field);
    if (v == NOT_SCALAR) return null;
    if (v == null || (v instanceof String s && s.isBlank())) {
      error(node, field, "must not be empty");
      return null;
    }
    // A name like 42 or true is still a name; keep it as written.
    return ((ScalarNode) node).getValue();
  }

  Double number(Node node, String field) {
    Object v = scalar(node, field);
    if (v instanceof Number n) return n.doubleValue();
    if (v != NOT_SCALAR) error(node, field, "must be a number, got " + show(v));
    return null;
  }

  Long integer(Node node, String field) {
    Object v = scalar(node, field);
    if (v instanceof Long l) return l;
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) return d.longValue();
    if (v != NOT_SCALAR) error(node, field, "must be an integer, got " + show(v));
    return null;
  }

  Boolean bool(Node node, String field) {
    Object v = scalar(node, field);
    if (v instanceof Boolean b) return b;
    if (v != NOT_SCALAR) error(node, field, "must be true or false, got " + show(v));
    return null;
  }

  Duration duration(Node node, String field) {
    Object v = scalar(node, field);
    if (v == NOT_SCALAR) return null;
    try {
      if (v instanceof Number || v instanceof String) return DurationFormat.parse(String.valueOf(v));
    } catch (IllegalArgumentException e) {
      error(node, field, e.getMessage());
      return null;
    }
    error(node, field, "must be a duration such as 45s, 30m, 2h or 1h30m, got " + show(v));
    return null;
  }

  /** The node as plain Java values (maps with string keys, lists, resolved scalars). */
  Object plain(Node node, String field) {
    if (node instanceof ScalarNode s) return YamlScalars.resolve(s);
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) out.add(plain(seq.getValue().get(i), field + "[" + i + "]"));
      return out;
    }
    Map<String, Node> entries = mapping(node, field, null);
    Map<String, Object> out = new LinkedHashMap<>();
    if (entries != null) entries.forEach((k, v) -> out.put(k, plain(v, join(field, k))));
    return out;
  }

  static String join(String field, String key) {
    return field.isEmpty() ? key : field + "." + key;
  }

  static String show(Object v) {
    if (v == null) return "nothing";
    if (v instanceof String s) return "\"" + s + "\"";
    if (v instanceof Double d) return org.tunelab.json.PythonFloat.repr(d);
    return String.valueOf(v);
  }

  private static String describe(Node node) {
    if (node == null) return "nothing";
    if (node instanceof MappingNode) return "a mapping";
    if (node instanceof SequenceNode) return "a list";
    return show(YamlScalars.resolve((ScalarNode) node));
  }
}
