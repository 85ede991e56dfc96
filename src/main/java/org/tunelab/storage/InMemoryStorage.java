package org.tunelab.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.tunelab.json.PythonJson;
import org.tunelab.space.Distribution;
import org.tunelab.trial.BestTrials;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * A store that lives and dies with the process: for tests, benchmarks and library users who do not
 * need a file. Trials are kept as immutable snapshots, replaced on every write, so reads hand them
 * out without copying. One lock guards everything.
 */
public final class InMemoryStorage implements Storage {
  private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
  private final Map<Long, Long> studyOfTrial = new HashMap<>();
  /** Latest heartbeat per trial, to the second as a SQLite store keeps it, so both stores judge alike. */
  private final Map<Long, Instant> heartbeats = new HashMap<>();
  private long nextStudyId = 1;
  private long nextTrialId = 1;
  private long version;

  private static final class StudyRecord {
    final long id;
    final String name;
    final List<StudyDirection> directions;
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final List<FrozenTrial> trials = new ArrayList<>();
    final Map<String, Distribution> firstDistributions = new HashMap<>();

    StudyRecord(long id, String name, List<StudyDirection> directions) {
      this.id = id;
      this.name = name;
      this.directions = List.copyOf(directions);
    }
  }

  @Override
  public synchronized long createStudy(String name, List<StudyDirection> directions) {
    if (findStudy(name).isPresent()) throw new DuplicateStudyException(name);
    if (directions.isEmpty()) throw new IllegalArgumentException("a study needs at least one direction");
    long id = nextStudyId++;
    studies.put(id, new StudyRecord(id, name, directions));
    version++;
    return id;
  }

  @Override
  public synchronized void deleteStudy(long studyId) {
    StudyRecord s = study(studyId);
    s.trials.forEach(t -> {
      studyOfTrial.remove(t.trialId());
      heartbeats.remove(t.trialId());
    });
    studies.remove(studyId);
    version++;
  }

  @Override
  public synchronized OptionalLong findStudy(String name) {
    return studies.values().stream().filter(s -> s.name.equals(name)).mapToLong(s -> s.id).findFirst();
  }

  @Override
  public synchronized String studyName(long studyId) {
    return study(studyId).name;
  }

  @Override
  public synchronized List<StudyDirection> directions(long studyId) {
    return study(studyId).directions;
  }

  @Override
  public synchronized Map<String, Object> studyUserAttrs(long studyId) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).userAttrs));
  }

  @Override
  public synchronized Map<String, Object> studySystemAttrs(long studyId) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).systemAttrs));
  }

  /**
   * Attribute values pass through JSON as in a persistent store, so every store hands back the same
   * types (Long, Double, unmodifiable lists and maps) and refuses what JSON cannot hold.
   */
  private static Object asStored(Object value) {
    return PythonJson.read(PythonJson.write(value));
  }

  @Override
  public synchronized void setStudyUserAttr(long studyId, String key, Object value) {
    study(studyId).userAttrs.put(key, asStored(value));
    version++;
  }

  @Override
  public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
    study(studyId).systemAttrs.put(key, asStored(value));
    version++;
  }

  @Override
  public synchronized List<StudySummary> studies() {
    List<StudySummary> out = new ArrayList<>();
    for (StudyRecord s : studies.values()) {
      Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
      LocalDateTime start = null;
      for (FrozenTrial t : s.trials) {
        counts.merge(t.state(), 1, Integer::sum);
        if (t.datetimeStart() != null && (start == null || t.datetimeStart().isBefore(start))) start = t.datetimeStart();
      }
      FrozenTrial best = s.directions.size() == 1 ? BestTrials.best(s.trials, s.directions.get(0)).orElse(null) : null;
      out.add(new StudySummary(s.id, s.name, s.directions, counts, best, start, s.userAttrs));
    }
    return out;
  }

  @Override
  public synchronized FrozenTrial createTrial(long studyId, TrialUpdate template) {
    StudyRecord s = study(studyId);
    TrialState state = template == null || template.state() == null ? TrialState.RUNNING : template.state();
    LocalDateTime now = now();
    long id = nextTrialId++;
    FrozenTrial fresh = new FrozenTrial(id, s.trials.size(), TrialState.RUNNING,
        null, state == TrialState.WAITING ? null : now, null, null, null, null, null, null);
    FrozenTrial trial = template == null ? fresh : apply(s, fresh, template, state);
    s.trials.add(trial);
    studyOfTrial.put(id, studyId);
    version++;
    return trial;
  }

  @Override
  public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    StudyRecord s = study(studyId);
    for (int i = 0; i < s.trials.size(); i++) {
      FrozenTrial t = s.trials.get(i);
      if (t.state() == TrialState.WAITING) {
        FrozenTrial running = new FrozenTrial(t.trialId(), t.number(), TrialState.RUNNING, t.values(), now(), null,
            t.params(), t.distributions(), t.userAttrs(), t.systemAttrs(), t.intermediateValues());
        s.trials.set(i, running);
        version++;
        return Optional.of(running);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void updateTrial(long trialId, TrialUpdate update) {
    StudyRecord s = study(studyOfTrialId(trialId));
    FrozenTrial current = find(s, trialId);
    if (current.state().isFinished()) throw new TrialNotUpdatableException(current.number(), current.state());
    FrozenTrial updated = apply(s, current, update, update.state() == null ? current.state() : update.state());
    s.trials.set(current.number(), updated);
    version++;
  }

  /** Validates the whole update first, then builds the new snapshot; nothing changes on failure. */
  private FrozenTrial apply(StudyRecord s, FrozenTrial t, TrialUpdate u, TrialState state) {
    TrialWriteRules.checkValues(s.directions.size(), state, u.values());
    u.params().forEach((name, value) -> {
      TrialWriteRules.checkParam(name, value);
      Distribution first = s.firstDistributions.get(name);
      if (first != null) TrialWriteRules.checkCompatible(name, first, value.distribution());
    });
    u.params().forEach((name, value) -> s.firstDistributions.putIfAbsent(name, value.distribution()));
    Map<String, Object> params = new LinkedHashMap<>(t.params());
    Map<String, Distribution> dists = new LinkedHashMap<>(t.distributions());
    u.params().forEach((name, value) -> {
      params.put(name, value.distribution().toExternal(value.internal()));
      dists.put(name, value.distribution());
    });
    Map<String, Object> user = new LinkedHashMap<>(t.userAttrs());
    u.userAttrs().forEach((k, v) -> user.put(k, asStored(v)));
    Map<String, Object> system = new LinkedHashMap<>(t.systemAttrs());
    u.systemAttrs().forEach((k, v) -> system.put(k, asStored(v)));
    TreeMap<Integer, Double> intermediate = new TreeMap<>(t.intermediateValues());
    intermediate.putAll(u.intermediateValues());
    LocalDateTime start = t.datetimeStart();
    if (state == TrialState.RUNNING && start == null) start = now();
    LocalDateTime complete = state.isFinished() ? now() : null;
    List<Double> values = u.values() != null ? u.values() : t.values();
    return new FrozenTrial(t.trialId(), t.number(), state, values, start, complete, params, dists, user, system,
        intermediate);
  }

  @Override
  public synchronized FrozenTrial trial(long trialId) {
    return find(study(studyOfTrialId(trialId)), trialId);
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    List<FrozenTrial> all = study(studyId).trials;
    if (states.isEmpty()) return List.copyOf(all);
    return all.stream().filter(t -> states.contains(t.state())).toList();
  }

  @Override
  public synchronized void recordHeartbeats(Collection<Long> trialIds) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (long id : trialIds) {
      Long studyId = studyOfTrial.get(id);
      if (studyId != null && find(study(studyId), id).state() == TrialState.RUNNING) heartbeats.put(id, now);
    }
    version++;
  }

  @Override
  public synchronized List<FrozenTrial> staleTrials(long studyId, Duration grace) {
    Instant limit = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(Math.max(0, grace.toSeconds()));
    return study(studyId).trials.stream().filter(t -> t.state() == TrialState.RUNNING)
        .filter(t -> heartbeats.containsKey(t.trialId()) && heartbeats.get(t.trialId()).isBefore(limit)).toList();
  }

  @Override
  public synchronized long dataVersion() {
    return version;
  }

  @Override
  public String describe() {
    return "in-memory store";
  }

  @Override
  public void close() {}

  private StudyRecord study(long studyId) {
    StudyRecord s = studies.get(studyId);
    if (s == null) throw new StorageException("no study with id " + studyId + " in the in-memory store");
    return s;
  }

  private long studyOfTrialId(long trialId) {
    Long studyId = studyOfTrial.get(trialId);
    if (studyId == null) throw new StorageException("no trial with id " + trialId + " in the in-memory store");
    return studyId;
  }

  private static FrozenTrial find(StudyRecord s, long trialId) {
    for (FrozenTrial t : s.trials) {
      if (t.trialId() == trialId) return t;
    }
    throw new StorageException("no trial with id " + trialId);
  }

  private static LocalDateTime now() {
    return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
  }
}
