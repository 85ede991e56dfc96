package org.tunelab.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.run.MetricPattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the parts of a spec about running trials: the pruner with its settings, the executors, and
 * the execution keys of a command objective (env, metric, grace, retries). Problems are recorded
 * in {@link SpecNodes} with their line and field.
 */
final class ExecutionReader {
  private final SpecNodes nodes;

  ExecutionReader(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /** {@code pruner: median} or {@code pruner: {type: asha, reduction_factor: 3}}. */
  PrunerSpec pruner(Node node, String field) {
    if (node instanceof ScalarNode) {
      String type = nodes.string(node, field + ".type");
      if (type == null) return null;
      return checkedType(node, field, type) ? build(Map.of(), node, field, type, Map.of()) : null;
    }
    Map<String, Node> keys = nodes.mapping(node, field, null);
    if (keys == null) return null;
    if (!keys.containsKey("type")) {
      nodes.error(node, field, "needs a type (" + String.join(", ", PrunerSpec.AVAILABLE) + ")");
      return null;
    }
    String type = nodes.string(keys.get("type"), field + ".type");
    if (type == null || !checkedType(keys.get("type"), field, type)) return null;
    List<String> allowed = PrunerSpec.KEYS.get(type);
    Map<String, Object> settings = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : keys.entrySet()) {
      String key = e.getKey();
      if (key.equals("type")) continue;
      if (!allowed.contains(key)) {
        nodes.error(e.getValue(), field + "." + key, "is not a setting of the " + type + " pruner"
            + Suggestions.didYouMean(key, allowed) + (allowed.isEmpty() ? "" : " (settings: " + String.join(", ", allowed) + ")"));
        ok = false;
      } else if (key.equals("wrapped")) {
        PrunerSpec inner = pruner(e.getValue(), field + ".wrapped");
        if (inner == null) {
          ok = false;
        } else {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("type", inner.type());
          m.putAll(inner.settings());
          settings.put(key, m);
        }
      } else {
        Object v = nodes.scalar(e.getValue(), field + "." + key);
        if (v == SpecNodes.NOT_SCALAR) ok = false;
        else settings.put(key, v);
      }
    }
    PrunerSpec spec = build(keys, node, field, type, settings); // range errors too, even after unknown keys
    return ok ? spec : null;
  }

  private boolean checkedType(Node node, String field, String type) {
    if (PrunerSpec.AVAILABLE.contains(type)) return true;
    nodes.error(node, field + ".type", PrunerSpec.unavailable(type));
    return false;
  }

  /** Builds the pruner to check its settings; an error naming a setting is reported at that setting's line. */
  private PrunerSpec build(Map<String, Node> keys, Node node, String field, String type, Map<String, Object> settings) {
    PrunerSpec spec = new PrunerSpec(type, settings);
    try {
      spec.toPruner();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String key = message.split("[ :]", 2)[0];
      if (keys.containsKey(key)) {
        nodes.error(keys.get(key), field + "." + key, message.substring(key.length()).replaceFirst("^:? ", ""));
      } else {
        nodes.error(node, field, message);
      }
      return null;
    }
    return spec;
  }

  /** Validates {@code executors:}; returns the entry as plain values, kept as written. */
  Object executors(Node node) {
    List<Node> items = nodes.sequence(node, "executors");
    if (items == null) return null;
    int locals = 0;
    for (int i = 0; i < items.size(); i++) {
      String field = "executors[" + i + "]";
      if (SshExecutorReader.isSsh(items.get(i))) {
        new SshExecutorReader(nodes).read(items.get(i), field);
        continue;
      }
      if (++locals > 1) nodes.error(items.get(i), field, "only one local executor is allowed (ssh hosts may be many)");
      Map<String, Node> keys = nodes.mapping(items.get(i), field, ExecutorSpec.KEYS);
      if (keys == null) continue;
      String type = keys.containsKey("type") ? nodes.string(keys.get("type"), field + ".type") : null;
      if (type == null) {
        if (!keys.containsKey("type")) nodes.error(items.get(i), field, "needs a type: local or ssh");
        continue;
      }
      if (!ExecutorSpec.TYPES.contains(type)) {
        nodes.error(keys.get("type"), field + ".type", "unknown executor '" + type + "'; available: local, ssh");
      }
      if (keys.containsKey("slots")) atLeast(keys.get("slots"), field + ".slots", 1);
      int gpuCount = 0;
      if (keys.containsKey("gpus")) {
        List<Node> ids = nodes.sequence(keys.get("gpus"), field + ".gpus");
        if (ids != null) {
          for (Node id : ids) nodes.string(id, field + ".gpus");
          gpuCount = ids.size();
        }
      }
      if (keys.containsKey("gpus_per_trial")) {
        Long per = atLeast(keys.get("gpus_per_trial"), field + ".gpus_per_trial", 1);
        if (per != null && per > gpuCount) {
          nodes.error(keys.get("gpus_per_trial"), field + ".gpus_per_trial", "is " + per + " but only " + gpuCount
              + " GPU(s) are listed in gpus");
        }
      }
      if (keys.containsKey("heartbeat")) {
        Duration d = nodes.duration(keys.get("heartbeat"), field + ".heartbeat");
        if (d != null && d.toMillis() < 100) nodes.error(keys.get("heartbeat"), field + ".heartbeat", "must be at least 0.1s");
      }
    }
    return nodes.plain(node, "executors");
  }

  private Long atLeast(Node node, String field, long min) {
    Long n = nodes.integer(node, field);
    if (n != null && n < min) {
      nodes.error(node, field, "must be >= " + min + ", got " + n);
      return null;
    }
    return n;
  }

  /** {@code env: {OMP_NUM_THREADS: "1"}}: names and values as strings. */
  Map<String, String> env(Node node) {
    Map<String, Node> keys = nodes.mapping(node, "objective.env", null);
    if (keys == null) return null;
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : keys.entrySet()) {
      if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        nodes.error(e.getValue(), "objective.env." + e.getKey(), "is not a valid environment variable name");
        continue;
      }
      Object v = nodes.scalar(e.getValue(), "objective.env." + e.getKey());
      if (v != SpecNodes.NOT_SCALAR) env.put(e.getKey(), v == null ? "" : ((ScalarNode) e.getValue()).getValue());
    }
    return env;
  }

  /** {@code metric: {regex: '...', step: '...'}} or just {@code metric: '...'}; the patterns must compile. */
  ObjectiveSpec.Metric metric(Node node) {
    String regex;
    String step = null;
    if (node instanceof ScalarNode) {
      regex = nodes.string(node, "objective.metric");
    } else {
      Map<String, Node> keys = nodes.mapping(node, "objective.metric", List.of("regex", "step"));
      if (keys == null) return null;
      if (!keys.containsKey("regex")) {
        nodes.error(node, "objective.metric", "needs regex: a pattern whose first group is the metric");
        return null;
      }
      regex = nodes.string(keys.get("regex"), "objective.metric.regex");
      if (keys.containsKey("step")) step = nodes.string(keys.get("step"), "objective.metric.step");
    }
    if (regex == null) return null;
    try {
      MetricPattern.of(regex, step);
    } catch (IllegalArgumentException e) {
      nodes.error(node, "objective.metric", e.getMessage());
      return null;
    }
    return new ObjectiveSpec.Metric(regex, step);
  }

  Integer retries(Node node) {
    Long n = atLeast(node, "objective.retries", 0);
    return n == null ? null : (int) Math.min(n, 1000);
  }

  static List<String> objectiveKeys() {
    return new ArrayList<>(List.of("builtin", "command", "workdir", "timeout", "env", "metric", "grace", "retries"));
  }
}
