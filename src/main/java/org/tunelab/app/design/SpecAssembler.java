package org.tunelab.app.design;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.PrunerSpec;
import org.tunelab.spec.SamplerSpec;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecProblem;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a {@link DesignForm} and a search space into a {@link StudySpec}, or into the list of what
 * is wrong. Each field's text is read first; a spec that reads is then written as YAML and read back
 * with {@link SpecReader}, so the designer applies exactly the rules {@code tunelab run} applies and
 * a spec it accepts is one the file format accepts.
 *
 * <p>What the form has no field for ({@code storage_schema}, {@code enqueue}, the objective's
 * {@code grace} and {@code retries}, extra executor keys) comes from {@code base}, the spec that
 * was opened, and a default the opened spec left out stays left out.
 */
public final class SpecAssembler {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)\\}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The outcome: a spec when there are no problems, {@code null} otherwise. */
  public record Assembly(StudySpec spec, List<FieldProblem> problems) {
    public Assembly {
      problems = List.copyOf(problems);
    }
  }

  private SpecAssembler() {}

  /**
   * @param space the search space, or {@code null} while the space editor holds an invalid one
   * @param base the spec that was opened, or {@code null} for a new study
   * @param source the file the spec will be saved to, or {@code null}
   */
  public static Assembly assemble(DesignForm form, SearchSpace space, StudySpec base, Path source) {
    List<FieldProblem> problems = new ArrayList<>();
    FormValues values = new FormValues(problems);
    if (FormValues.blank(form.name())) values.problem("name", "is required");
    if (space == null) values.problem("space", "the search space has errors (see the search space editor)");
    else if (space.size() == 0) values.problem("space", "add at least one parameter");
    ObjectiveSpec objective = objective(form, space, base, values);
    SamplerSpec sampler = sampler(form, base, values);
    PrunerSpec pruner = pruner(form, base, values);
    Long trials = values.integer(form.trials(), "trials", 0);
    Duration timeout = values.duration(form.timeout(), "timeout");
    Long workers = values.integer(form.workers(), "workers", 1);
    Object executors = ExecutorForms.build(form, base == null ? null : base.executors(), values);
    if (!problems.isEmpty()) return new Assembly(null, problems);
    StudySpec spec;
    try {
      spec = new StudySpec(source, form.name().strip(), blankToNull(form.storage()),
          base == null ? null : base.storageSchema(), form.directions(), sampler, pruner, space, objective,
          trials == null ? null : trials.intValue(), timeout, workers == null ? 1 : workers.intValue(),
          base == null ? List.of() : base.enqueue(), executors);
    } catch (IllegalArgumentException e) {
      return new Assembly(null, List.of(new FieldProblem("", e.getMessage())));
    }
    try {
      SpecReader.parse(SpecWriter.write(spec), source);
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) problems.add(new FieldProblem(p.field(), p.message()));
      return new Assembly(null, problems);
    } catch (RuntimeException e) {
      // the reader failed on the spec rather than reporting it: still a problem to show, not a crash
      return new Assembly(null, List.of(new FieldProblem("", "the spec does not read back: " + e)));
    }
    return new Assembly(spec, List.of());
  }

  private static ObjectiveSpec objective(DesignForm form, SearchSpace space, StudySpec base, FormValues values) {
    if (form.objectiveKind().equals("builtin")) {
      if (FormValues.blank(form.builtin())) {
        values.problem("objective.builtin", "name a built-in function, e.g. branin");
        return null;
      }
      return new ObjectiveSpec.Builtin(form.builtin().strip());
    }
    if (FormValues.blank(form.command())) {
      values.problem("objective.command", "is required: the program to run per trial, e.g. python3 train.py --lr {lr}");
      return null;
    }
    if (space != null) unknownPlaceholders(form.command(), space, values);
    Duration trialTimeout = values.duration(form.trialTimeout(), "objective.timeout");
    Map<String, String> env = env(form.env(), values);
    ObjectiveSpec.Metric metric = null;
    if (!FormValues.blank(form.metricRegex())) {
      metric = new ObjectiveSpec.Metric(form.metricRegex(), blankToNull(form.metricStep()));
    } else if (!FormValues.blank(form.metricStep())) {
      values.problem("objective.metric", "a step pattern needs a metric pattern too");
    }
    ObjectiveSpec.Command old = base != null && base.objective() instanceof ObjectiveSpec.Command c ? c : null;
    String workdir = FormValues.blank(form.workdir()) ? "." : form.workdir().strip();
    return new ObjectiveSpec.Command(form.command().strip(), workdir, trialTimeout, env, metric,
        old == null ? null : old.grace(), old == null ? 0 : old.retries());
  }

  /** A {@code {name}} that is not a parameter would reach the program literally: almost always a typo. */
  private static void unknownPlaceholders(String command, SearchSpace space, FormValues values) {
    Matcher m = PLACEHOLDER.matcher(command);
    List<String> unknown = new ArrayList<>();
    while (m.find()) if (!space.contains(m.group(1)) && !unknown.contains(m.group(1))) unknown.add(m.group(1));
    if (!unknown.isEmpty()) {
      values.problem("objective.command", "unknown placeholder(s) {" + String.join("}, {", unknown)
          + "}; the space has " + (space.size() == 0 ? "no parameters" : String.join(", ", space.names())));
    }
  }

  static Map<String, String> env(String text, FormValues values) {
    Map<String, String> env = new LinkedHashMap<>();
    if (FormValues.blank(text)) return env;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !ENV_NAME.matcher(name).matches()) {
        values.problem("objective.env", "line " + (i + 1) + ": write NAME=value, got \"" + line + "\"");
        continue;
      }
      env.put(name, line.substring(eq + 1).strip());
    }
    return env;
  }

  private static SamplerSpec sampler(DesignForm form, StudySpec base, FormValues values) {
    Map<String, Object> s = settings(AlgorithmCatalog.samplerSettings(form.samplerType()), form.samplerSettings(),
        "sampler", values);
    if (s == null) return null;
    SamplerSpec spec;
    try {
      spec = new SamplerSpec(form.samplerType(), (Long) s.get("seed"), toInt(s.get("points")),
          (Boolean) s.get("multivariate"), (String) s.get("sequence"), (String) s.get("acquisition"),
          (String) s.get("restart"), (Boolean) s.get("separable"), toInt(s.get("popsize")), (String) s.get("crossover"),
          toInt(s.get("dividing_parameter")), (String) s.get("multi_objective"), (Boolean) s.get("trust_region"));
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().split(" ", 2)[0];
      values.problem(s.containsKey(key) ? "sampler." + key : "sampler", e.getMessage());
      return null;
    }
    // a spec that named no sampler keeps naming none while the form shows the default
    boolean leftOut = base != null && base.sampler() == null;
    return leftOut && spec.equals(SamplerSpec.defaultSampler()) ? null : spec;
  }

  private static PrunerSpec pruner(DesignForm form, StudySpec base, FormValues values) {
    Map<String, Object> s = settings(AlgorithmCatalog.prunerSettings(form.prunerType()), form.prunerSettings(),
        "pruner", values);
    if (s == null) return null;
    PrunerSpec spec;
    try {
      spec = new PrunerSpec(form.prunerType(), s);
      spec.toPruner();
    } catch (NullPointerException e) {
      // a combination the pruner's constructor does not guard; say so instead of failing the designer
      values.problem("pruner", "these settings do not make a " + form.prunerType() + " pruner");
      return null;
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().split("[ :]", 2)[0];
      values.problem(s.containsKey(key) || form.prunerSettings().containsKey(key) ? "pruner." + key : "pruner",
          e.getMessage());
      return null;
    }
    boolean leftOut = base != null && base.pruner() == null;
    return leftOut && spec.equals(PrunerSpec.none()) ? null : spec;
  }

  /** The settings of the chosen type that are not blank, read by kind; {@code null} after a problem. */
  private static Map<String, Object> settings(List<AlgorithmSetting> known, Map<String, String> typed, String section,
      FormValues values) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean ok = true;
    for (AlgorithmSetting setting : known) {
      String text = typed.get(setting.key());
      if (FormValues.blank(text)) continue;
      String field = section + "." + setting.key();
      Object v = switch (setting.kind()) {
        case INTEGER -> values.integer(text, field, Long.MIN_VALUE);
        case NUMBER -> values.number(text, field);
        case INTEGER_OR_AUTO -> text.strip().equals("auto") ? "auto" : values.integer(text, field, Long.MIN_VALUE);
        case BOOLEAN -> values.bool(text, field);
        case CHOICE -> choice(text, setting, field, values);
        case PRUNER -> wrappedPruner(text, field, values);
      };
      if (v == null) ok = false;
      else out.put(setting.key(), v);
    }
    return ok ? out : null;
  }

  private static String choice(String text, AlgorithmSetting setting, String field, FormValues values) {
    if (setting.choices().contains(text.strip())) return text.strip();
    values.problem(field, "must be one of " + String.join(", ", setting.choices()) + ", got \"" + text.strip() + "\"");
    return null;
  }

  /** {@code {type: median, n_startup_trials: 3}} as a map; the reader checks the pruner itself. */
  private static Object wrappedPruner(String text, String field, FormValues values) {
    Object parsed;
    try {
      parsed = new Yaml().load(text);
    } catch (RuntimeException e) {
      values.problem(field, "write a pruner in YAML flow style, e.g. {type: median}");
      return null;
    }
    if (parsed instanceof String type) parsed = Map.of("type", type);
    if (!(parsed instanceof Map<?, ?> m) || !m.containsKey("type")) {
      values.problem(field, "write a pruner in YAML flow style, e.g. {type: median}");
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Integer i ? Long.valueOf(i) : v));
    return out;
  }

  private static Integer toInt(Object v) {
    return v == null ? null : (int) Math.min(Integer.MAX_VALUE, (Long) v);
  }

  private static String blankToNull(String s) {
    return FormValues.blank(s) ? null : s.strip();
  }
}
