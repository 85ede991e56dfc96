package org.tunelab.spec;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Validates a {@code type: ssh} entry of {@code executors:}, with line-numbered problems:
 *
 * <pre>{@code
 * executors:
 *   - {type: local, slots: 1}
 *   - type: ssh
 *     host: gpu1                  # an ~/.ssh/config alias works too
 *     port: 22
 *     user: alice
 *     key: ~/.ssh/id_ed25519      # or the ssh-agent and the default keys when omitted
 *     known_hosts: ~/.ssh/known_hosts
 *     jump: bastion               # a jump host, [user@]host[:port] or an alias
 *     workdir: ~/tunelab-runs
 *     setup: source ~/venv/bin/activate
 *     env: {OMP_NUM_THREADS: "4"}
 *     slots: 4
 *     gpus: [0, 1, 2, 3]
 *     max_file_mb: 50             # size limits of the code shipped
 *     max_total_mb: 200
 *     reconnect_timeout: 10m      # a lost link is retried this long; then its trials are re-queued elsewhere
 * }</pre>
 */
final class SshExecutorReader {
  static final List<String> KEYS = List.of("type", "host", "port", "user", "key", "known_hosts", "jump", "workdir",
      "setup", "env", "slots", "gpus", "gpus_per_trial", "max_file_mb", "max_total_mb",
      "reconnect_timeout");

  private final SpecNodes nodes;

  SshExecutorReader(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /** Whether the node is a mapping with {@code type: ssh}; reports nothing. */
  static boolean isSsh(Node node) {
    if (!(node instanceof MappingNode map)) return false;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")
          && t.getValueNode() instanceof ScalarNode v && v.getValue().equals("ssh")) {
        return true;
      }
    }
    return false;
  }

  void read(Node node, String field) {
    Map<String, Node> keys = nodes.mapping(node, field, KEYS);
    if (keys == null) return;
    if (!keys.containsKey("host")) nodes.error(node, field, "needs a host: a name, an address or an ~/.ssh/config alias");
    for (String k : List.of("host", "user", "key", "known_hosts", "jump", "workdir", "setup")) {
      if (keys.containsKey(k)) {
        String v = nodes.string(keys.get(k), field + "." + k);
        if (v != null && v.isBlank()) nodes.error(keys.get(k), field + "." + k, "must not be empty");
      }
    }
    range(keys.get("port"), field + ".port", 1, 65535);
    range(keys.get("slots"), field + ".slots", 1, 1024);
    range(keys.get("max_file_mb"), field + ".max_file_mb", 1, 1 << 20);
    range(keys.get("max_total_mb"), field + ".max_total_mb", 1, 1 << 20);
    if (keys.containsKey("reconnect_timeout")) {
      java.time.Duration d = nodes.duration(keys.get("reconnect_timeout"), field + ".reconnect_timeout");
      if (d != null && d.isZero()) nodes.error(keys.get("reconnect_timeout"), field + ".reconnect_timeout", "must be more than 0");
    }
    int gpuCount = 0;
    if (keys.containsKey("gpus")) {
      List<Node> ids = nodes.sequence(keys.get("gpus"), field + ".gpus");
      if (ids != null) {
        for (Node id : ids) nodes.string(id, field + ".gpus");
        gpuCount = ids.size();
      }
    }
    if (keys.containsKey("gpus_per_trial")) {
      Long per = range(keys.get("gpus_per_trial"), field + ".gpus_per_trial", 1, 1024);
      if (per != null && per > gpuCount) {
        nodes.error(keys.get("gpus_per_trial"), field + ".gpus_per_trial", "is " + per + " but only " + gpuCount
            + " GPU(s) are listed in gpus");
      }
    }
    if (keys.containsKey("env")) {
      Map<String, Node> env = nodes.mapping(keys.get("env"), field + ".env", null);
      if (env != null) {
        env.forEach((name, value) -> {
          if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            nodes.error(value, field + ".env", "'" + name + "' is not a variable name");
          }
          nodes.scalar(value, field + ".env." + name);
        });
      }
    }
  }

  private Long range(Node node, String field, long min, long max) {
    if (node == null) return null;
    Long n = nodes.integer(node, field);
    if (n != null && (n < min || n > max)) {
      nodes.error(node, field, "must be between " + min + " and " + max + ", got " + n);
      return null;
    }
    return n;
  }
}
