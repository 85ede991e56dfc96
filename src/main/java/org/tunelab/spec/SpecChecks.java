package org.tunelab.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.functions.BuiltinFunction;
import org.tunelab.functions.BuiltinFunctions;
import org.tunelab.run.CommandTemplate;
import org.tunelab.space.Distribution;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.StudyDirection;
import org.yaml.snakeyaml.nodes.Node;

/** Rules that span sections of a spec: the objective against the space, enqueued values against it. */
final class SpecChecks {
  private SpecChecks() {}

  /**
   * A command must split into words; a built-in must exist, find every parameter it needs in the
   * space, and serve a single objective.
   */
  static void objectiveFitsSpace(SpecNodes nodes, Node node, ObjectiveSpec objective, SearchSpace space,
      List<StudyDirection> directions) {
    if (objective instanceof ObjectiveSpec.Command command) {
      try {
        CommandTemplate.parse(command.command(), space.names());
      } catch (IllegalArgumentException e) {
        nodes.error(node, "objective.command", e.getMessage());
      }
      return;
    }
    ObjectiveSpec.Builtin builtin = (ObjectiveSpec.Builtin) objective;
    if (directions != null && directions.size() > 1) {
      nodes.error(node, "objective.builtin", "built-in '" + builtin.name() + "' has one objective, but the spec"
          + " gives " + directions.size() + " directions");
    }
    BuiltinFunction f;
    try {
      f = BuiltinFunctions.get(builtin.name());
    } catch (IllegalArgumentException e) {
      List<String> known = BuiltinFunctions.all().stream().map(BuiltinFunction::name).toList();
      nodes.error(node, "objective.builtin", "unknown built-in '" + builtin.name() + "'"
          + Suggestions.didYouMean(builtin.name(), known) + "; known: " + String.join(", ", known));
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String p : f.requiredParams()) if (!space.contains(p)) missing.add(p);
    if (!missing.isEmpty()) {
      nodes.error(node, "objective.builtin", f.name() + " needs parameter(s) " + String.join(", ", missing)
          + " in the space; the space has " + String.join(", ", space.names()));
    }
  }

  /** Every enqueued value must name a parameter and lie in its distribution. */
  static void enqueuedFitsSpace(SpecNodes nodes, Node node, String field, Map<String, Object> params,
      SearchSpace space) {
    for (Map.Entry<String, Object> e : params.entrySet()) {
      Param p = space.param(e.getKey());
      if (p == null) {
        nodes.error(node, field + "." + e.getKey(), "is not a parameter of the space"
            + Suggestions.didYouMean(e.getKey(), space.names()));
        continue;
      }
      Distribution d = p.distribution();
      try {
        if (!d.contains(d.toInternal(e.getValue()))) throw new InvalidDistributionException("outside");
      } catch (InvalidDistributionException ex) {
        nodes.error(node, field + "." + e.getKey(), SpecNodes.show(e.getValue()) + " is not in " + d.describe());
      }
    }
  }
}
