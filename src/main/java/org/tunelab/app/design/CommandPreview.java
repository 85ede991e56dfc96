package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.TrialCommand;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SpecFactory;
import org.tunelab.spec.StudySpec;

/**
 * What the first trial of a study would run: a parameter set drawn from the space with a seeded
 * random draw, and the exact argument list, working directory and environment the run builds for it
 * through the same {@link SpecFactory#command} and {@link CommandTrialRunner#environment} a run uses.
 *
 * @param params the drawn parameter set (active parameters only)
 * @param argv the arguments, unquoted
 * @param workdir where the program starts
 * @param env the variables TuneLab adds to its own environment
 */
public record CommandPreview(Map<String, Object> params, List<String> argv, Path workdir, Map<String, String> env) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,@%+\\-]+");

  /**
   * @param spec a spec with a command objective
   * @param seed seeds the parameter draw; the same seed shows the same trial
   * @throws IllegalArgumentException when the command does not split into words
   */
  public static CommandPreview of(StudySpec spec, long seed) {
    ObjectiveSpec.Command c = (ObjectiveSpec.Command) spec.objective();
    TrialCommand command = SpecFactory.command(spec, c);
    Map<String, Object> params = draw(spec.space(), seed);
    List<String> argv = command.template().argv(params);
    Map<String, String> env = CommandTrialRunner.environment(command, params, paramsFile(spec), 0, 1, spec.name(),
        localGpus(spec));
    return new CommandPreview(params, argv, command.workdir(), env);
  }

  /** One value per active parameter, in the space's order, so conditions see their parents. */
  static Map<String, Object> draw(SearchSpace space, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Object> params = new LinkedHashMap<>();
    for (Param p : space.params()) {
      double internal = RandomSampler.sample(p.distribution(), rng);
      if (space.isActive(p.name(), params)) params.put(p.name(), p.distribution().toExternal(internal));
    }
    return params;
  }

  /** Where a run writes trial 0's parameters: next to the store, {@code studies.db-logs/<study>/}. */
  private static Path paramsFile(StudySpec spec) {
    String storage = spec.storageOrDefault();
    Path db = storage.startsWith("sqlite:///") ? spec.baseDir().resolve(storage.substring("sqlite:///".length()))
        : spec.baseDir().resolve("studies.db");
    return db.normalize().resolveSibling(db.getFileName() + "-logs").resolve(spec.name()).resolve("trial-0.params.json");
  }

  /** The GPUs the first local slot gets: the first {@code gpus_per_trial} of the local list. */
  private static List<String> localGpus(StudySpec spec) {
    Map<?, ?> local = ExecutorForms.local(spec.executors());
    if (local == null || !(local.get("gpus") instanceof List<?> ids) || ids.isEmpty()) return List.of();
    int per = local.get("gpus_per_trial") instanceof Number n ? n.intValue() : 1;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(per, ids.size()); i++) out.add(String.valueOf(ids.get(i)));
    return out;
  }

  /** The arguments as one line a POSIX shell would split back into the same words. */
  public String commandLine() {
    List<String> words = new ArrayList<>();
    for (String w : argv) words.add(SAFE.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
    return String.join(" ", words);
  }

  /** {@code NAME=value} lines, values quoted like the command line. */
  public String envText() {
    StringBuilder out = new StringBuilder();
    env.forEach((k, v) -> out.append(k).append('=').append(SAFE.matcher(v).matches() ? v : "'" + v.replace("'", "'\\''") + "'")
        .append('\n'));
    return out.toString();
  }
}
