package org.tunelab.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tunelab.json.PythonFloat;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.trial.StudyDirection;

/**
 * Writes a {@link StudySpec} as YAML that {@link SpecReader} reads back to an equal spec: block style
 * at the top, one flow mapping per parameter, defaults left out. Strings are quoted whenever a YAML
 * 1.1 or 1.2 reader could take them for something else ({@code no}, {@code 1e3}, {@code null}), so
 * other YAML tools read the file the same way.
 *
 * <pre>{@code
 * String yaml = SpecWriter.write(spec);
 * }</pre>
 */
public final class SpecWriter {
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]*");
  private static final Pattern YAML11_WORDS =
      Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null|~");

  private SpecWriter() {}

  public static void write(StudySpec spec, Path file) throws IOException {
    Files.writeString(file, write(spec), StandardCharsets.UTF_8);
  }

  public static String write(StudySpec spec) {
    StringBuilder out = new StringBuilder();
    line(out, "name", string(spec.name()));
    if (spec.storage() != null) line(out, "storage", string(spec.storage()));
    if (spec.storageSchema() != null) line(out, "storage_schema", string(spec.storageSchema()));
    List<Object> directions = new ArrayList<>();
    for (StudyDirection d : spec.directions()) directions.add(d.name().toLowerCase(java.util.Locale.ROOT));
    line(out, "directions", value(directions));
    if (spec.sampler() != null) line(out, "sampler", sampler(spec.sampler()));
    if (spec.pruner() != null) {
      java.util.Map<String, Object> pruner = new java.util.LinkedHashMap<>();
      pruner.put("type", spec.pruner().type());
      pruner.putAll(spec.pruner().settings());
      line(out, "pruner", value(pruner));
    }
    out.append("space:\n");
    for (Param p : spec.space().params()) {
      out.append("  ").append(string(p.name())).append(": ").append(param(p)).append('\n');
    }
    line(out, "objective", objective(spec.objective()));
    if (spec.trials() != null) line(out, "trials", String.valueOf(spec.trials()));
    if (spec.timeout() != null) line(out, "timeout", DurationFormat.format(spec.timeout()));
    if (spec.workers() != 1) line(out, "workers", String.valueOf(spec.workers()));
    if (!spec.enqueue().isEmpty()) {
      out.append("enqueue:\n");
      for (Map<String, Object> params : spec.enqueue()) out.append("  - ").append(value(params)).append('\n');
    }
    if (spec.executors() != null) line(out, "executors", value(spec.executors()));
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append(": ").append(value).append('\n');
  }

  private static String sampler(SamplerSpec s) {
    StringBuilder b = new StringBuilder("{type: ").append(string(s.type()));
    if (s.seed() != null) b.append(", seed: ").append(s.seed());
    if (s.points() != null) b.append(", points: ").append(s.points());
    if (s.multivariate() != null) b.append(", multivariate: ").append(s.multivariate());
    if (s.sequence() != null) b.append(", sequence: ").append(string(s.sequence()));
    if (s.acquisition() != null) b.append(", acquisition: ").append(string(s.acquisition()));
    if (s.multiObjective() != null) b.append(", multi_objective: ").append(string(s.multiObjective()));
    if (s.trustRegion() != null) b.append(", trust_region: ").append(s.trustRegion());
    if (s.restart() != null) b.append(", restart: ").append(string(s.restart()));
    if (s.separable() != null) b.append(", separable: ").append(s.separable());
    if (s.popsize() != null) b.append(", popsize: ").append(s.popsize());
    if (s.crossover() != null) b.append(", crossover: ").append(string(s.crossover()));
    if (s.dividingParameter() != null) b.append(", dividing_parameter: ").append(s.dividingParameter());
    return b.append('}').toString();
  }

  private static String param(Param p) {
    Distribution d = p.distribution();
    StringBuilder b = new StringBuilder("{type: ");
    if (d instanceof FloatDistribution f) {
      b.append("float, low: ").append(number(f.low())).append(", high: ").append(number(f.high()));
      if (f.step() != null) b.append(", step: ").append(number(f.step()));
      if (f.log()) b.append(", log: true");
    } else if (d instanceof IntDistribution i) {
      b.append("int, low: ").append(i.low()).append(", high: ").append(i.high());
      if (i.step() != 1) b.append(", step: ").append(i.step());
      if (i.log()) b.append(", log: true");
    } else {
      b.append("categorical, choices: ").append(value(((CategoricalDistribution) d).choices()));
    }
    Condition c = p.condition();
    if (c != null) {
      Object values = c.values().size() == 1 ? c.values().get(0) : c.values();
      b.append(", when: {").append(string(c.parent())).append(": ").append(value(values)).append('}');
    }
    return b.append('}').toString();
  }

  private static String objective(ObjectiveSpec objective) {
    if (objective instanceof ObjectiveSpec.Builtin b) return "{builtin: " + string(b.name()) + "}";
    ObjectiveSpec.Command c = (ObjectiveSpec.Command) objective;
    StringBuilder b = new StringBuilder("{command: ").append(quoted(c.command()));
    if (!c.workdir().equals(".")) b.append(", workdir: ").append(string(c.workdir()));
    if (c.timeout() != null) b.append(", timeout: ").append(DurationFormat.format(c.timeout()));
    if (!c.env().isEmpty()) b.append(", env: ").append(value(c.env()));
    if (c.metric() != null) {
      b.append(", metric: {regex: ").append(quoted(c.metric().regex()));
      if (c.metric().step() != null) b.append(", step: ").append(quoted(c.metric().step()));
      b.append('}');
    }
    if (c.grace() != null) b.append(", grace: ").append(DurationFormat.format(c.grace()));
    if (c.retries() != 0) b.append(", retries: ").append(c.retries());
    return b.append('}').toString();
  }

  /** A value in flow style: maps as {@code {k: v}}, lists as {@code [a, b]}. */
  static String value(Object v) {
    if (v == null) return "null";
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return String.valueOf(v);
    if (v instanceof Double d) return number(d);
    if (v instanceof Number n) return number(n.doubleValue());
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object o : list) items.add(value(o));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> items = new ArrayList<>();
      map.forEach((k, o) -> items.add(string(String.valueOf(k)) + ": " + value(o)));
      return "{" + String.join(", ", items) + "}";
    }
    return string(String.valueOf(v));
  }

  /** A float both YAML 1.1 and 1.2 read as one: a dot in the mantissa, a signed exponent. */
  static String number(double d) {
    if (Double.isNaN(d)) return ".nan";
    if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
    String r = PythonFloat.repr(d);
    int e = r.indexOf('e');
    if (e >= 0 && !r.substring(0, e).contains(".")) r = r.substring(0, e) + ".0" + r.substring(e);
    return r;
  }

  static String string(String s) {
    boolean plain = PLAIN_SAFE.matcher(s).matches() && !YAML11_WORDS.matcher(s).matches()
        && YamlScalars.resolve(new org.yaml.snakeyaml.nodes.ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, s, null,
            null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN)) instanceof String;
    return plain ? s : quoted(s);
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
