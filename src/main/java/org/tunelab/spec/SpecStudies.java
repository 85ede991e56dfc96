package org.tunelab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.tunelab.space.Distribution;
import org.tunelab.space.Param;
import org.tunelab.storage.IncompatibleDistributionException;
import org.tunelab.storage.Storage;
import org.tunelab.storage.TrialWriteRules;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * Opens the study a spec describes: creates it, or continues it when it exists. Continuing requires
 * the same directions and a compatible space by Optuna's rule (each parameter keeps its kind, log
 * flag and choices; ranges and steps may change), so that the study stays readable by Optuna.
 *
 * <pre>{@code
 * try (Storage storage = Storages.open(SpecFactory.storageUrl(spec), spec.baseDir())) {
 *   Study study = SpecStudies.open(spec, storage);
 *   study.optimizeMulti(SpecFactory.objective(spec), SpecFactory.options(spec));
 * }
 * }</pre>
 */
public final class SpecStudies {
  private SpecStudies() {}

  /**
   * The spec's study in {@code storage}, with the spec's enqueued parameter sets added unless a trial
   * of the study already has them.
   *
   * @throws SpecMismatchException when the study exists with other directions or an incompatible space
   */
  public static Study open(StudySpec spec, Storage storage) {
    OptionalLong existing = storage.findStudy(spec.name());
    if (existing.isPresent()) checkMatches(spec, storage, existing.getAsLong());
    Study study = Study.builder(storage).name(spec.name()).directions(spec.directions())
        .sampler(SpecFactory.sampler(spec)).pruner(SpecFactory.pruner(spec)).space(spec.space()).loadIfExists().build();
    enqueueNew(spec, study);
    return study;
  }

  /** Every difference between the spec and the stored study; empty when it may be continued. */
  public static List<String> differences(StudySpec spec, Storage storage, long studyId) {
    List<String> out = new ArrayList<>();
    List<StudyDirection> stored = storage.directions(studyId);
    if (!stored.equals(spec.directions())) {
      out.add("directions: " + lower(stored) + " in the study, " + lower(spec.directions()) + " in the spec");
    }
    Map<String, Distribution> storedSpace = storedDistributions(storage.trials(studyId));
    for (Param p : spec.space().params()) {
      Distribution d = storedSpace.get(p.name());
      if (d == null) continue;
      try {
        TrialWriteRules.checkCompatible(p.name(), d, p.distribution());
      } catch (IncompatibleDistributionException e) {
        out.add("space." + p.name() + ": " + d.describe() + " in the study, " + p.distribution().describe()
            + " in the spec");
      }
    }
    return out;
  }

  private static void checkMatches(StudySpec spec, Storage storage, long studyId) {
    List<String> diffs = differences(spec, storage, studyId);
    if (!diffs.isEmpty()) throw new SpecMismatchException(spec.name(), diffs);
  }

  /** The latest distribution each parameter had in the study's trials. */
  private static Map<String, Distribution> storedDistributions(List<FrozenTrial> trials) {
    Map<String, Distribution> out = new LinkedHashMap<>();
    for (FrozenTrial t : trials) out.putAll(t.distributions());
    return out;
  }

  private static void enqueueNew(StudySpec spec, Study study) {
    if (spec.enqueue().isEmpty()) return;
    List<FrozenTrial> trials = study.trials();
    for (Map<String, Object> params : spec.enqueue()) {
      boolean known = trials.stream().anyMatch(t -> sameValues(params, t.params())
          || (t.systemAttrs().get("fixed_params") instanceof Map<?, ?> fixed && sameValues(params, fixed)));
      if (!known) study.enqueue(params);
    }
  }

  /** Whether every value in {@code wanted} is in {@code actual}, comparing numbers by value (1 == 1.0). */
  private static boolean sameValues(Map<String, Object> wanted, Map<?, ?> actual) {
    for (Map.Entry<String, Object> e : wanted.entrySet()) {
      Object a = actual.get(e.getKey());
      Object w = e.getValue();
      boolean same = (a instanceof Number x && w instanceof Number y) ? x.doubleValue() == y.doubleValue()
          : java.util.Objects.equals(a, w);
      if (!same) return false;
    }
    return true;
  }

  private static String lower(List<StudyDirection> directions) {
    return directions.stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList().toString();
  }
}
