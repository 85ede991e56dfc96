package org.tunelab.app;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudySummary;
import org.tunelab.storage.TrialCursor;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Keeps the UI up to date with one open database. It polls {@link Storage#dataVersion()}, which is
 * cheap, and reads studies and trials only when the version moved; the reading goes to the UI through
 * a {@link CoalescingPublisher}, so bursts of writes become one update. All storage access happens on
 * background threads; the watcher owns the storage and closes it.
 */
public final class StudyWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StudyWatcher.class);
  private static final long NONE = -1;

  private final Storage storage;
  private final TaskExecutor executor;
  private final CoalescingPublisher<SessionUpdate> publisher;
  private volatile long selectedStudyId = NONE;
  private volatile String preferredStudy;
  private long lastVersion;
  private boolean loadedOnce;
  private boolean failing;
  private boolean closed;
  private TaskExecutor.Cancellable polling;
  private long cachedStudyId = NONE;
  private TrialCursor cursor = TrialCursor.START;
  private final TreeMap<Integer, FrozenTrial> cache = new TreeMap<>();
  private volatile List<Long> comparedIds = List.of();
  /** The compared studies' trials, read incrementally like the selected study's. */
  private final Map<Long, Compared> comparedCache = new java.util.HashMap<>();

  /** A compared study's trials so far and where its next reading starts. */
  private static final class Compared {
    TrialCursor cursor = TrialCursor.START;
    final TreeMap<Integer, FrozenTrial> trials = new TreeMap<>();
  }

  public StudyWatcher(Storage storage, TaskExecutor executor, Consumer<SessionUpdate> onUi) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.publisher = new CoalescingPublisher<>(executor, onUi);
  }

  /** Starts polling every {@code period}; the first poll reads everything. */
  public synchronized void start(Duration period) {
    if (polling == null && !closed) polling = executor.every(period, () -> poll(false));
  }

  /**
   * Lets a reading that finds no study selected pick one itself, the study named {@code name} or else
   * the first, and read it in the same pass: opening a database then costs one reading, not a study
   * list, a round trip through the UI and a second reading. Call before {@link #start}.
   */
  public void preferStudy(String name) {
    preferredStudy = name == null ? "" : name;
  }

  /** Shows {@code studyId} (or no study, for a negative id) and reads it at once. */
  public void selectStudy(long studyId) {
    selectedStudyId = studyId;
    refresh();
  }

  /**
   * Overlays the histories of these studies on the selected one's (the selected study itself and
   * studies that no longer exist are left out) and reads them at once; an empty list compares none.
   */
  public void compare(List<Long> studyIds) {
    comparedIds = List.copyOf(studyIds);
    refresh();
  }

  /** Reads everything again in the background, whether or not the version moved. */
  public void refresh() {
    executor.execute(() -> poll(true));
  }

  /**
   * Reads the database if it changed since the last reading (or always when {@code force}) and
   * publishes the result. Synchronized so the periodic poll and a forced refresh never interleave.
   */
  synchronized void poll(boolean force) {
    if (closed) return;
    try {
      long version = storage.dataVersion();
      if (!force && loadedOnce && !failing && version == lastVersion) return;
      List<StudySummary> studies = storage.studies();
      long selected = selectedStudyId;
      String preferred = preferredStudy;
      if (selected == NONE && preferred != null && !studies.isEmpty()) {
        selected = studies.stream().filter(st -> st.name().equals(preferred)).findFirst().orElse(studies.get(0))
            .studyId();
        selectedStudyId = selected;
      }
      long chosen = selected;
      StudySnapshot study = studies.stream().anyMatch(s -> s.studyId() == chosen) ? readStudy(chosen) : null;
      lastVersion = version;
      loadedOnce = true;
      if (failing) LOG.info("reading {} works again", storage.describe());
      failing = false;
      publisher.publish(new SessionUpdate.Loaded(version, studies, study));
    } catch (StorageException e) {
      // a live view outlives transient failures (a locked or replaced file): report once, keep polling
      if (!failing) {
        LOG.warn("cannot read {}", storage.describe(), e);
        publisher.publish(new SessionUpdate.Failed("Cannot read the database: " + e.getMessage(), e));
      }
      failing = true;
    }
  }

  /**
   * Reads the study incrementally: only trials that are new or were unfinished at the last reading
   * (see {@link TrialCursor}), merged into the trials kept from before. At 100,000 trials a poll
   * then reads a handful of rows instead of the whole study.
   */
  private StudySnapshot readStudy(long studyId) {
    String name = storage.studyName(studyId);
    List<StudyDirection> directions = storage.directions(studyId);
    if (studyId != cachedStudyId) {
      cachedStudyId = studyId;
      cursor = TrialCursor.START;
      cache.clear();
    }
    List<FrozenTrial> changed = storage.trialsSince(studyId, cursor);
    for (FrozenTrial t : changed) cache.put(t.number(), t);
    cursor = cursor.advance(changed);
    List<FrozenTrial> trials = List.copyOf(cache.values());
    TreeSet<String> params = new TreeSet<>();
    TreeSet<String> attrs = new TreeSet<>();
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialState s : TrialState.values()) counts.put(s, 0);
    for (FrozenTrial t : trials) {
      params.addAll(t.params().keySet());
      attrs.addAll(t.userAttrs().keySet());
      counts.merge(t.state(), 1, Integer::sum);
    }
    OptimizationHistory history = directions.isEmpty()
        ? OptimizationHistory.empty(StudyDirection.MINIMIZE, 0)
        : OptimizationHistory.of(trials, directions, 0);
    List<TrialRow> rows = trials.stream().map(TrialRow::of).toList();
    return new StudySnapshot(studyId, name, directions, List.copyOf(params), List.copyOf(attrs), rows, history, counts,
        trials, BestTrialsText.of(trials, directions), readCompared(studyId));
  }

  /** The compared studies' histories (objective 0), each read incrementally. */
  private Map<String, OptimizationHistory> readCompared(long selected) {
    List<Long> ids = comparedIds;
    comparedCache.keySet().retainAll(ids);
    Map<String, OptimizationHistory> out = new java.util.LinkedHashMap<>();
    for (long id : ids) {
      if (id == selected) continue;
      String name;
      try {
        name = storage.studyName(id);
      } catch (StorageException e) {
        continue; // deleted meanwhile: nothing to compare
      }
      List<StudyDirection> directions = storage.directions(id);
      if (directions.isEmpty()) continue;
      Compared c = comparedCache.computeIfAbsent(id, k -> new Compared());
      List<FrozenTrial> changed = storage.trialsSince(id, c.cursor);
      for (FrozenTrial t : changed) c.trials.put(t.number(), t);
      c.cursor = c.cursor.advance(changed);
      out.put(name, OptimizationHistory.of(List.copyOf(c.trials.values()), directions, 0));
    }
    return out;
  }

  /** Stops polling and closes the storage, after a reading in progress finished. Call off the UI thread. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (polling != null) polling.close();
    storage.close();
  }
}
