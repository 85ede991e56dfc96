package org.tunelab.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.StudyDirection;

/**
 * A study spec: everything needed to run or continue a study, as read from a YAML file by
 * {@link SpecReader} and written back by {@link SpecWriter}. Immutable.
 *
 * <pre>{@code
 * StudySpec spec = SpecReader.read(Path.of("samples/branin.yaml"));
 * SearchSpace space = spec.space();
 * }</pre>
 *
 * @param source the file the spec came from, or {@code null}; relative storage paths and workdirs
 *     resolve against its directory
 * @param storage the storage URL or path as written ({@code sqlite:///studies.db}), or {@code null} for
 *     {@link #DEFAULT_STORAGE}
 * @param storageSchema the Optuna schema revision for a new file ({@code v3.0.0.d} for Optuna 3.1), or
 *     {@code null} for the store's default
 * @param sampler the sampler, or {@code null} for the default ({@link SamplerSpec#defaultSampler()})
 * @param pruner the pruner, or {@code null} for none
 * @param trials how many trials one run adds, or {@code null}
 * @param timeout how long one run may take, or {@code null}; with neither a run goes on until stopped
 * @param workers trials evaluated at once
 * @param enqueue parameter sets to try first (each once per study), in their user-facing form
 * @param executors the raw {@code executors:} entry, kept for a later version, or {@code null}
 */
public record StudySpec(
    Path source,
    String name,
    String storage,
    String storageSchema,
    List<StudyDirection> directions,
    SamplerSpec sampler,
    PrunerSpec pruner,
    SearchSpace space,
    ObjectiveSpec objective,
    Integer trials,
    Duration timeout,
    int workers,
    List<Map<String, Object>> enqueue,
    Object executors) {

  /** Where a spec without {@code storage:} keeps its study: beside the spec file. */
  public static final String DEFAULT_STORAGE = "sqlite:///studies.db";

  public StudySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(objective, "objective");
    if (name.isBlank()) throw new IllegalArgumentException("name must not be blank");
    directions = List.copyOf(directions == null || directions.isEmpty() ? List.of(StudyDirection.MINIMIZE) : directions);
    if (directions.contains(StudyDirection.NOT_SET)) throw new IllegalArgumentException("directions must be minimize or maximize");
    if (trials != null && trials < 0) throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    List<Map<String, Object>> copies = new ArrayList<>();
    if (enqueue != null) enqueue.forEach(m -> copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    enqueue = Collections.unmodifiableList(copies);
  }

  /** A minimal spec: one minimized objective, default sampler and storage, one worker. */
  public static StudySpec of(String name, SearchSpace space, ObjectiveSpec objective) {
    return new StudySpec(null, name, null, null, null, null, null, space, objective, null, null, 1, null, null);
  }

  /** The directory relative paths resolve against: the spec file's, or the working directory. */
  public Path baseDir() {
    Path parent = source == null ? null : source.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }

  /** The storage URL to open, with the default filled in. */
  public String storageOrDefault() {
    return storage != null ? storage : DEFAULT_STORAGE;
  }

  public SamplerSpec samplerOrDefault() {
    return sampler != null ? sampler : SamplerSpec.defaultSampler();
  }

  public PrunerSpec prunerOrDefault() {
    return pruner != null ? pruner : PrunerSpec.none();
  }

  public StudySpec withSource(Path newSource) {
    return new StudySpec(newSource, name, storage, storageSchema, directions, sampler, pruner, space, objective,
        trials, timeout, workers, enqueue, executors);
  }

  /** This spec with the budget and parallelism a command line overrides; {@code null} keeps a value. */
  public StudySpec withRunOverrides(Integer newTrials, Duration newTimeout, Integer newWorkers) {
    return new StudySpec(source, name, storage, storageSchema, directions, sampler, pruner, space, objective,
        newTrials != null ? newTrials : trials, newTimeout != null ? newTimeout : timeout,
        newWorkers != null ? newWorkers : workers, enqueue, executors);
  }
}
