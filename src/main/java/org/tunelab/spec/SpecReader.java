package org.tunelab.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.StudyDirection;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads study spec files. Every problem in a file is reported at once, each with the file, line and
 * field: {@code study.yaml:7: space.lr.low: must be > 0 for a log scale, got 0.0}. Unknown keys are
 * errors with a "did you mean" hint, since a misspelled key silently ignored is a wasted run.
 *
 * <pre>{@code
 * try {
 *   StudySpec spec = SpecReader.read(Path.of("study.yaml"));
 * } catch (SpecException e) {
 *   e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class SpecReader {
  static final List<String> TOP_KEYS = List.of("name", "storage", "storage_schema", "direction", "directions",
      "sampler", "pruner", "space", "objective", "trials", "timeout", "workers", "enqueue", "executors");
  static final List<String> SCHEMAS = List.of("v3.0.0.d", "v3.2.0.a");
  private static final List<String> SAMPLER_KEYS = List.of("type", "seed", "points", "multivariate", "sequence",
      "acquisition", "restart", "separable", "popsize", "crossover", "dividing_parameter", "multi_objective",
      "trust_region");
  private static final List<String> OBJECTIVE_KEYS = ExecutionReader.objectiveKeys();

  private SpecReader() {}

  /** Reads a spec file; throws {@link SpecException} when it is missing, not YAML, or invalid. */
  public static StudySpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(new SpecProblem(file.toString(), 0, "", "no such file"));
    } catch (IOException e) {
      throw new SpecException(new SpecProblem(file.toString(), 0, "", "cannot read: " + e.getMessage()));
    }
    return parse(text, file);
  }

  /**
   * Reads spec text.
   *
   * @param source the file it came from (named in messages, base of relative paths), or {@code null}
   */
  public static StudySpec parse(String yaml, Path source) {
    String file = source == null ? "<spec>" : source.toString();
    SpecNodes nodes = new SpecNodes(file);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported by SpecNodes, with both lines
      root = new Yaml(options).compose(new java.io.StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new SpecException(new SpecProblem(file, line, "", "not valid YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      throw new SpecException(new SpecProblem(file, 0, "", "not valid YAML: " + e.getMessage()));
    }
    if (root == null) throw new SpecException(new SpecProblem(file, 0, "", "the file is empty"));
    StudySpec spec = new SpecReader.Document(nodes, source).read(root);
    if (nodes.hasProblems() || spec == null) throw new SpecException(nodes.problems());
    return spec;
  }

  /** One reading of one document; fields left {@code null} where a problem was reported. */
  private static final class Document {
    private final SpecNodes nodes;
    private final Path source;

    Document(SpecNodes nodes, Path source) {
      this.nodes = nodes;
      this.source = source;
    }

    StudySpec read(Node root) {
      Map<String, Node> top = nodes.mapping(root, "", TOP_KEYS);
      if (top == null) return null;
      String name = required(top, root, "name") ? nodes.string(top.get("name"), "name") : null;
      String storage = top.containsKey("storage") ? nodes.string(top.get("storage"), "storage") : null;
      String schema = top.containsKey("storage_schema") ? schema(top.get("storage_schema")) : null;
      List<StudyDirection> directions = directions(top);
      SamplerSpec sampler = top.containsKey("sampler") ? sampler(top.get("sampler")) : null;
      PrunerSpec pruner = top.containsKey("pruner") ? new ExecutionReader(nodes).pruner(top.get("pruner"), "pruner") : null;
      SearchSpace space = required(top, root, "space") ? new SpaceReader(nodes).read(top.get("space")) : null;
      ObjectiveSpec objective = required(top, root, "objective") ? objective(top.get("objective")) : null;
      Integer trials = top.containsKey("trials") ? count(top.get("trials"), "trials", 0) : null;
      Duration timeout = top.containsKey("timeout") ? nodes.duration(top.get("timeout"), "timeout") : null;
      Integer workers = top.containsKey("workers") ? count(top.get("workers"), "workers", 1) : Integer.valueOf(1);
      List<Map<String, Object>> enqueue = top.containsKey("enqueue") ? enqueue(top.get("enqueue"), space) : List.of();
      Object executors = top.containsKey("executors") ? new ExecutionReader(nodes).executors(top.get("executors")) : null;
      if (pruner != null && directions != null && directions.size() > 1 && !pruner.supportsMultiObjective()) {
        nodes.error(top.get("pruner"), "pruner", "the " + pruner.type() + " pruner needs a single objective; the spec"
            + " gives " + directions.size() + " directions (use none or threshold)");
      }
      if (objective != null && space != null) {
        SpecChecks.objectiveFitsSpace(nodes, top.get("objective"), objective, space, directions);
      }
      if (nodes.hasProblems()) return null;
      return new StudySpec(source, name, storage, schema, directions, sampler, pruner, space, objective, trials,
          timeout, workers, enqueue, executors);
    }

    private boolean required(Map<String, Node> top, Node root, String key) {
      if (top.containsKey(key)) return true;
      nodes.error(root, key, "is required");
      return false;
    }

    private String schema(Node node) {
      String s = nodes.string(node, "storage_schema");
      if (s == null || SCHEMAS.contains(s)) return s;
      nodes.error(node, "storage_schema", "must be v3.0.0.d (a new file Optuna 3.0-3.1 can open) or v3.2.0.a"
          + " (Optuna 3.2-5.0, the default), got \"" + s + "\"");
      return null;
    }

    private List<StudyDirection> directions(Map<String, Node> top) {
      if (top.containsKey("direction") && top.containsKey("directions")) {
        nodes.error(top.get("direction"), "direction", "give either direction or directions, not both");
        return null;
      }
      List<Node> items;
      String field;
      if (top.containsKey("direction")) {
        items = List.of(top.get("direction"));
        field = "direction";
      } else if (top.containsKey("directions")) {
        field = "directions";
        items = nodes.sequence(top.get(field), field);
        if (items == null) return null;
        if (items.isEmpty()) {
          nodes.error(top.get(field), field, "needs one entry per objective, e.g. [minimize]");
          return null;
        }
      } else {
        return List.of(StudyDirection.MINIMIZE);
      }
      List<StudyDirection> out = new ArrayList<>();
      for (Node item : items) {
        String text = nodes.string(item, field);
        if (text == null) return null;
        if (!text.equalsIgnoreCase("minimize") && !text.equalsIgnoreCase("maximize")) {
          nodes.error(item, field, "must be minimize or maximize, got \"" + text + "\""
              + Suggestions.didYouMean(text, List.of("minimize", "maximize")));
          return null;
        }
        out.add(StudyDirection.parse(text));
      }
      return out;
    }

    private SamplerSpec sampler(Node node) {
      Map<String, Node> keys = typed(node, "sampler", SAMPLER_KEYS);
      if (keys == null) return null;
      String type = typeOf(keys, node, "sampler");
      if (type == null) return null;
      if (!SamplerSpec.AVAILABLE.contains(type)) {
        nodes.error(keys.getOrDefault("type", node), "sampler.type", SamplerSpec.unavailable(type));
        return null;
      }
      Long seed = keys.containsKey("seed") ? nodes.integer(keys.get("seed"), "sampler.seed") : null;
      Integer points = keys.containsKey("points") ? count(keys.get("points"), "sampler.points", 2) : null;
      if (!onlyFor(keys, "points", "grid", type) || !onlyFor(keys, "multivariate", "tpe", type)
          || !onlyFor(keys, "sequence", "qmc", type)) {
        return null;
      }
      Boolean multivariate = keys.containsKey("multivariate")
          ? nodes.bool(keys.get("multivariate"), "sampler.multivariate") : null;
      String sequence = keys.containsKey("sequence") ? nodes.string(keys.get("sequence"), "sampler.sequence") : null;
      if (sequence != null && !SamplerSpec.SEQUENCES.contains(sequence)) {
        nodes.error(keys.get("sequence"), "sampler.sequence", "must be one of "
            + String.join(", ", SamplerSpec.SEQUENCES) + ", got \"" + sequence + "\"");
        return null;
      }
      if (!onlyFor(keys, "acquisition", "gp", type) || !onlyFor(keys, "multi_objective", "gp", type)
          || !onlyFor(keys, "trust_region", "gp", type)
          || !onlyFor(keys, "restart", "cmaes", type)
          || !onlyFor(keys, "separable", "cmaes", type) || !onlyFor(keys, "dividing_parameter", "nsga3", type)) {
        return null;
      }
      if (keys.containsKey("crossover") && !type.equals("nsga2") && !type.equals("nsga3")) {
        nodes.error(keys.get("crossover"), "sampler.crossover", "is only used by the nsga2 and nsga3 samplers");
        return null;
      }
      if (keys.containsKey("popsize") && !type.equals("cmaes") && !type.equals("nsga2") && !type.equals("nsga3")) {
        nodes.error(keys.get("popsize"), "sampler.popsize", "is only used by the cmaes, nsga2 and nsga3 samplers");
        return null;
      }
      String acquisition = choice(keys, "acquisition", SamplerSpec.ACQUISITIONS);
      String multiObjective = choice(keys, "multi_objective", SamplerSpec.MULTI_OBJECTIVES);
      String restart = choice(keys, "restart", SamplerSpec.RESTARTS);
      String crossover = choice(keys, "crossover", SamplerSpec.CROSSOVERS);
      Boolean separable = keys.containsKey("separable") ? nodes.bool(keys.get("separable"), "sampler.separable") : null;
      Boolean trustRegion = keys.containsKey("trust_region")
          ? nodes.bool(keys.get("trust_region"), "sampler.trust_region") : null;
      Integer popsize = keys.containsKey("popsize") ? count(keys.get("popsize"), "sampler.popsize", 2) : null;
      Integer dividing = keys.containsKey("dividing_parameter")
          ? count(keys.get("dividing_parameter"), "sampler.dividing_parameter", 1) : null;
      if ((keys.containsKey("acquisition") && acquisition == null) || (keys.containsKey("restart") && restart == null)
          || (keys.containsKey("multi_objective") && multiObjective == null)
          || (keys.containsKey("trust_region") && trustRegion == null)
          || (keys.containsKey("crossover") && crossover == null) || (keys.containsKey("separable") && separable == null)
          || (keys.containsKey("popsize") && popsize == null)
          || (keys.containsKey("dividing_parameter") && dividing == null)) {
        return null;
      }
      return new SamplerSpec(type, seed, points, multivariate, sequence, acquisition, restart, separable, popsize, crossover,
          dividing, multiObjective, trustRegion);
    }

    /** A string setting that must be one of {@code allowed}; null (with an error) otherwise. */
    private String choice(Map<String, Node> keys, String key, List<String> allowed) {
      if (!keys.containsKey(key)) return null;
      String v = nodes.string(keys.get(key), "sampler." + key);
      if (v != null && !allowed.contains(v)) {
        nodes.error(keys.get(key), "sampler." + key, "must be one of " + String.join(", ", allowed) + ", got \"" + v + "\""
            + Suggestions.didYouMean(v, allowed));
        return null;
      }
      return v;
    }

    /** A sampler setting only one sampler type reads; naming it for another type is an error. */
    private boolean onlyFor(Map<String, Node> keys, String key, String owner, String type) {
      if (!keys.containsKey(key) || type.equals(owner)) return true;
      nodes.error(keys.get(key), "sampler." + key, "is only used by the " + owner + " sampler");
      return false;
    }

    /** {@code sampler: random} is short for {@code sampler: {type: random}}. */
    private Map<String, Node> typed(Node node, String field, List<String> allowed) {
      if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) return Map.of("type", node);
      return nodes.mapping(node, field, allowed);
    }

    private String typeOf(Map<String, Node> keys, Node node, String field) {
      if (!keys.containsKey("type")) {
        nodes.error(node, field, "needs a type");
        return null;
      }
      return nodes.string(keys.get("type"), field + ".type");
    }

    private ObjectiveSpec objective(Node node) {
      Map<String, Node> keys = nodes.mapping(node, "objective", OBJECTIVE_KEYS);
      if (keys == null) return null;
      boolean builtin = keys.containsKey("builtin");
      boolean command = keys.containsKey("command");
      if (builtin == command) {
        nodes.error(node, "objective", "needs either builtin: NAME or command: \"...\"");
        return null;
      }
      if (builtin) {
        for (String k : List.of("workdir", "timeout", "env", "metric", "grace", "retries")) {
          if (keys.containsKey(k)) nodes.error(keys.get(k), "objective." + k, "is only used with command:");
        }
        String name = nodes.string(keys.get("builtin"), "objective.builtin");
        return name == null ? null : new ObjectiveSpec.Builtin(name);
      }
      String line = nodes.string(keys.get("command"), "objective.command");
      String workdir = keys.containsKey("workdir") ? nodes.string(keys.get("workdir"), "objective.workdir") : ".";
      Duration timeout = keys.containsKey("timeout") ? nodes.duration(keys.get("timeout"), "objective.timeout") : null;
      ExecutionReader execution = new ExecutionReader(nodes);
      java.util.Map<String, String> env = keys.containsKey("env") ? execution.env(keys.get("env")) : java.util.Map.of();
      ObjectiveSpec.Metric metric = keys.containsKey("metric") ? execution.metric(keys.get("metric")) : null;
      Duration grace = keys.containsKey("grace") ? nodes.duration(keys.get("grace"), "objective.grace") : null;
      Integer retries = keys.containsKey("retries") ? execution.retries(keys.get("retries")) : Integer.valueOf(0);
      if (line == null || workdir == null || (keys.containsKey("timeout") && timeout == null) || env == null
          || (keys.containsKey("metric") && metric == null) || (keys.containsKey("grace") && grace == null)
          || retries == null) {
        return null;
      }
      return new ObjectiveSpec.Command(line, workdir, timeout, env, metric, grace, retries);
    }

    private Integer count(Node node, String field, int min) {
      Long n = nodes.integer(node, field);
      if (n == null) return null;
      if (n < min || n > Integer.MAX_VALUE) {
        nodes.error(node, field, "must be >= " + min + ", got " + n);
        return null;
      }
      return n.intValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> enqueue(Node node, SearchSpace space) {
      List<Node> items = nodes.sequence(node, "enqueue");
      if (items == null) return null;
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String field = "enqueue[" + i + "]";
        if (nodes.mapping(items.get(i), field, null) == null) continue;
        Map<String, Object> params = (Map<String, Object>) nodes.plain(items.get(i), field);
        if (space != null) SpecChecks.enqueuedFitsSpace(nodes, items.get(i), field, params, space);
        out.add(params);
      }
      return out;
    }
  }
}
