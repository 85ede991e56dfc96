package org.tunelab.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.tunelab.json.PythonJson;
import org.tunelab.pruner.Pruner;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.space.DistributionJson;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.DuplicateStudyException;
import org.tunelab.storage.Storage;
import org.tunelab.trial.StudyDirection;

/**
 * Creates or loads a {@link Study}. A new study records how it was made (TuneLab version, sampler and
 * pruner settings with their seeds, and the search space when one is given) in its system attribute
 * {@code tunelab:origin}.
 */
public final class StudyBuilder {
  private final Storage storage;
  private String name;
  private List<StudyDirection> directions;
  private Sampler sampler;
  private Pruner pruner = Pruner.none();
  private boolean loadIfExists;
  private SearchSpace space;

  StudyBuilder(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  public StudyBuilder name(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a study name must not be blank");
    this.name = name;
    return this;
  }

  public StudyBuilder directions(StudyDirection... directions) {
    return directions(List.of(directions));
  }

  public StudyBuilder directions(List<StudyDirection> directions) {
    if (directions.isEmpty()) throw new IllegalArgumentException("a study needs at least one direction");
    if (directions.contains(StudyDirection.NOT_SET)) {
      throw new IllegalArgumentException("each direction must be MINIMIZE or MAXIMIZE");
    }
    this.directions = List.copyOf(directions);
    return this;
  }

  /** The sampler; random with a drawn seed when not set. */
  public StudyBuilder sampler(Sampler sampler) {
    this.sampler = Objects.requireNonNull(sampler);
    return this;
  }

  public StudyBuilder pruner(Pruner pruner) {
    this.pruner = Objects.requireNonNull(pruner);
    return this;
  }

  /** The fixed search space the study will be run with, recorded in a new study's origin. */
  public StudyBuilder space(SearchSpace space) {
    this.space = space;
    return this;
  }

  /** Continue the study when one of that name exists (its directions must match, if given). */
  public StudyBuilder loadIfExists() {
    this.loadIfExists = true;
    return this;
  }

  /** Creates the study, or loads it with {@link #loadIfExists()}. */
  public Study build() {
    if (name == null) name = "study-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Sampler s = sampler != null ? sampler : new RandomSampler();
    OptionalLong existing = storage.findStudy(name);
    if (existing.isPresent()) {
      if (!loadIfExists) throw new DuplicateStudyException(name);
      List<StudyDirection> stored = storage.directions(existing.getAsLong());
      if (directions != null && !directions.equals(stored)) {
        throw new IllegalArgumentException("study \"" + name + "\" exists with directions " + stored
            + ", not " + directions);
      }
      return new Study(storage, existing.getAsLong(), s, pruner);
    }
    long id;
    try {
      id = storage.createStudy(name, directions != null ? directions : List.of(StudyDirection.MINIMIZE));
    } catch (DuplicateStudyException raced) {
      // Another process created it between our look-up and our insert.
      if (!loadIfExists) throw raced;
      return new StudyBuilder(storage).name(name).sampler(s).pruner(pruner).loadIfExists().build();
    }
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("tunelab_version", TuneLabVersion.get());
    origin.put("sampler", s.settings());
    origin.put("pruner", pruner.settings());
    if (space != null) origin.put("space", describe(space));
    storage.setStudySystemAttr(id, "tunelab:origin", origin);
    return new Study(storage, id, s, pruner);
  }

  /** Each parameter as Optuna's distribution JSON object, plus its condition when it has one. */
  private static Map<String, Object> describe(SearchSpace space) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param p : space.params()) {
      Map<String, Object> entry = new LinkedHashMap<>(PythonJson.readObject(DistributionJson.toJson(p.distribution())));
      if (p.condition() != null) entry.put("when", Map.of(p.condition().parent(), p.condition().values()));
      out.put(p.name(), entry);
    }
    return out;
  }

  /** Loads an existing study; throws {@link org.tunelab.storage.StudyNotFoundException} listing the names there are. */
  public Study load() {
    Objects.requireNonNull(name, "name");
    long id = storage.studyId(name);
    return new Study(storage, id, sampler != null ? sampler : new RandomSampler(), pruner);
  }
}
