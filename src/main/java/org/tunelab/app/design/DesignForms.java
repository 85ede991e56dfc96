package org.tunelab.app.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.PrunerSpec;
import org.tunelab.spec.SamplerSpec;
import org.tunelab.spec.StudySpec;

/** A {@link StudySpec} as the designer's forms show it: the inverse of {@link SpecAssembler}. */
public final class DesignForms {
  private DesignForms() {}

  public static DesignForm fromSpec(StudySpec spec) {
    String kind = "command";
    String builtin = "";
    String command = "";
    String workdir = ".";
    String env = "";
    String regex = "";
    String step = "";
    String trialTimeout = "";
    if (spec.objective() instanceof ObjectiveSpec.Builtin b) {
      kind = "builtin";
      builtin = b.name();
    } else if (spec.objective() instanceof ObjectiveSpec.Command c) {
      command = c.command();
      workdir = c.workdir();
      StringBuilder lines = new StringBuilder();
      c.env().forEach((k, v) -> lines.append(lines.length() == 0 ? "" : "\n").append(k).append('=').append(v));
      env = lines.toString();
      if (c.metric() != null) {
        regex = c.metric().regex();
        step = c.metric().step() == null ? "" : c.metric().step();
      }
      trialTimeout = FormValues.text(c.timeout());
    }
    SamplerSpec sampler = spec.samplerOrDefault();
    PrunerSpec pruner = spec.prunerOrDefault();
    Map<?, ?> local = ExecutorForms.local(spec.executors());
    return new DesignForm(spec.name(), spec.storage() == null ? "" : spec.storage(), spec.directions(), kind, builtin,
        command, workdir, env, regex, step, trialTimeout, sampler.type(), samplerSettings(sampler), pruner.type(),
        prunerSettings(pruner), local == null ? "" : FormValues.text(local.get("slots")),
        local == null ? "" : FormValues.gpuText(local.get("gpus")), ExecutorForms.hosts(spec.executors()),
        FormValues.text(spec.trials()), FormValues.text(spec.timeout()), String.valueOf(spec.workers()));
  }

  static Map<String, String> samplerSettings(SamplerSpec s) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "seed", s.seed());
    put(out, "points", s.points());
    put(out, "multivariate", s.multivariate());
    put(out, "sequence", s.sequence());
    put(out, "acquisition", s.acquisition());
    put(out, "multi_objective", s.multiObjective());
    put(out, "trust_region", s.trustRegion());
    put(out, "restart", s.restart());
    put(out, "separable", s.separable());
    put(out, "popsize", s.popsize());
    put(out, "crossover", s.crossover());
    put(out, "dividing_parameter", s.dividingParameter());
    return out;
  }

  static Map<String, String> prunerSettings(PrunerSpec p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.settings().forEach((k, v) -> out.put(k, v instanceof Map<?, ?> || v instanceof List<?>
        ? flow(v) : FormValues.text(v)));
    return out;
  }

  /** A nested value (the wrapped pruner of {@code patient}) in YAML flow style, which the form reads back. */
  static String flow(Object v) {
    if (v instanceof Map<?, ?> m) {
      List<String> items = new java.util.ArrayList<>();
      m.forEach((k, o) -> items.add(k + ": " + flow(o)));
      return "{" + String.join(", ", items) + "}";
    }
    if (v instanceof List<?> l) {
      List<String> items = new java.util.ArrayList<>();
      l.forEach(o -> items.add(flow(o)));
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(v);
  }

  private static void put(Map<String, String> out, String key, Object value) {
    if (value != null) out.put(key, String.valueOf(value));
  }
}
