package org.tunelab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.pruner.Pruner;
import org.tunelab.sampler.Sampler;
import org.tunelab.space.Distribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.Storage;
import org.tunelab.storage.TrialNotUpdatableException;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.BestTrials;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * An optimization study: a named set of trials in a storage, with its directions, a sampler that
 * proposes parameters and a pruner that stops hopeless trials.
 *
 * <pre>{@code
 * try (Storage storage = Storages.open("sqlite:///studies.db", Path.of("."))) {
 *   Study study = Study.builder(storage).name("quadratic").sampler(new RandomSampler(42)).loadIfExists().build();
 *   study.optimize(trial -> Math.pow(trial.suggestFloat("x", -10, 10) - 2, 2), 100);
 *   System.out.println(study.bestTrial());
 * }
 * }</pre>
 *
 * <p>Ask/tell without a loop: {@code Trial t = study.ask(); ...; study.tell(t, value);}.
 *
 * <p>Thread-safe; every read goes to the storage, so a study sees trials written by other workers
 * and processes. The study does not own its storage and does not close it.
 */
public final class Study implements StudyView {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);
  static final String FAIL_REASON = "fail_reason";

  private final Storage storage;
  private final long studyId;
  private final String name;
  private final List<StudyDirection> directions;
  private final Sampler sampler;
  private final Pruner pruner;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final Map<Long, Trial> running = new ConcurrentHashMap<>();
  private final List<StudyListener> listeners = new CopyOnWriteArrayList<>();
  private final TrialHistory history;

  Study(Storage storage, long studyId, Sampler sampler, Pruner pruner) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.studyId = studyId;
    this.name = storage.studyName(studyId);
    this.directions = storage.directions(studyId);
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.pruner = Objects.requireNonNull(pruner, "pruner");
    this.history = new TrialHistory(storage, studyId);
  }

  public static StudyBuilder builder(Storage storage) {
    return new StudyBuilder(storage);
  }

  // ---- identity -------------------------------------------------------------------------------

  public long id() {
    return studyId;
  }

  @Override
  public String studyName() {
    return name;
  }

  @Override
  public List<StudyDirection> directions() {
    return directions;
  }

  public Storage storage() {
    return storage;
  }

  public Sampler sampler() {
    return sampler;
  }

  public Pruner pruner() {
    return pruner;
  }

  // ---- ask and tell ---------------------------------------------------------------------------

  /**
   * Starts a trial: the oldest enqueued (WAITING) trial if there is one, a new one otherwise. The
   * sampler's hooks run and its joint sample is drawn; parameters are chosen as the objective asks.
   */
  public Trial ask() {
    FrozenTrial stored = storage.claimWaitingTrial(studyId).orElseGet(() -> storage.createTrial(studyId, null));
    Trial trial = new Trial(this, stored);
    running.put(trial.trialId(), trial);
    try {
      StudyView view = pruner.samplerView(this, trial.snapshot());
      sampler.beforeTrial(view, trial.snapshot());
      FrozenTrial snapshot = trial.snapshot();
      Map<String, Distribution> relativeSpace = sampler.inferRelativeSearchSpace(view, snapshot);
      if (!relativeSpace.isEmpty()) trial.setRelativeParams(sampler.sampleRelative(view, snapshot, relativeSpace));
    } catch (RuntimeException e) {
      fail(trial, "the sampler failed: " + e.getMessage());
      throw e;
    }
    return trial;
  }

  /**
   * Starts a trial and chooses every parameter of a fixed space that is active given the others,
   * in declaration order; the parameters are stored before this returns.
   */
  public Trial ask(SearchSpace space) {
    Trial trial = ask();
    try {
      for (Param p : space.params()) {
        if (space.isActive(p.name(), trial.params())) trial.suggest(p.name(), p.distribution());
      }
      trial.flush();
    } catch (RuntimeException e) {
      fail(trial, "could not sample the search space: " + e.getMessage());
      throw e;
    }
    return trial;
  }

  /** Finishes a single-objective trial with its value; NaN fails it, as in Optuna. */
  public FrozenTrial tell(Trial trial, double value) {
    return tell(trial, List.of(value));
  }

  /**
   * Finishes a trial with one value per direction. NaN values or a wrong number of values fail the
   * trial with a stored reason rather than throw, so a bad objective never leaves a trial running.
   */
  public FrozenTrial tell(Trial trial, List<Double> values) {
    if (values.size() != directions.size()) {
      return fail(trial, "the objective returned " + values.size() + " value(s); the study has "
          + directions.size() + " objective(s)");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || values.get(i).isNaN()) {
        return fail(trial, "the objective returned NaN" + (values.size() > 1 ? " for objective " + i : ""));
      }
    }
    return finish(trial, TrialState.COMPLETE, values, null);
  }

  /** Ends a trial as PRUNED, keeping its last intermediate value as its value when that is not NaN. */
  public FrozenTrial prune(Trial trial) {
    Double last = trial.lastIntermediateValue();
    List<Double> values = directions.size() == 1 && last != null && !last.isNaN() ? List.of(last) : null;
    return finish(trial, TrialState.PRUNED, values, null);
  }

  /** Ends a trial as FAIL; the reason is kept in its system attribute {@code fail_reason}. */
  public FrozenTrial fail(Trial trial, String reason) {
    return finish(trial, TrialState.FAIL, null, reason);
  }

  private FrozenTrial finish(Trial trial, TrialState state, List<Double> values, String reason) {
    try {
      if (reason != null) trial.setSystemAttr(FAIL_REASON, reason);
      try {
        FrozenTrial snapshot = trial.snapshot();
        sampler.afterTrial(pruner.samplerView(this, snapshot), snapshot, state, values);
      } catch (RuntimeException e) {
        LOG.warn("sampler hook after trial {} failed: {}", trial.number(), e.toString());
      }
      storage.updateTrial(trial.trialId(), trial.finishWith(state, values));
    } catch (TrialNotUpdatableException alreadyFinished) {
      // Someone else ended it first (a shutdown hook, another process that judged it stale); the
      // stored outcome stands and this one is dropped.
      LOG.warn("trial {} had already finished elsewhere; its {} result is not recorded", trial.number(), state);
      return storage.trial(trial.trialId());
    } finally {
      running.remove(trial.trialId());
    }
    FrozenTrial done = storage.trial(trial.trialId());
    for (StudyListener listener : listeners) {
      try {
        listener.trialFinished(this, done);
      } catch (RuntimeException e) {
        LOG.warn("study listener failed on trial {}: {}", done.number(), e.toString());
      }
    }
    return done;
  }

  /**
   * Fails every trial this process is running: for shutdown hooks, so that a stopped process leaves
   * no trial RUNNING. Returns how many were failed.
   */
  public int failRunningTrials(String reason) {
    int failed = 0;
    for (Trial trial : new ArrayList<>(running.values())) {
      try {
        fail(trial, reason);
        failed++;
      } catch (RuntimeException e) {
        LOG.warn("could not mark trial {} as failed: {}", trial.number(), e.toString());
      }
    }
    return failed;
  }

  // ---- enqueue ----------------------------------------------------------------------------------

  /**
   * Adds a WAITING trial whose parameters are fixed to {@code params} (user-facing values); the next
   * {@link #ask()} takes it. Stored as Optuna does, in the system attribute {@code fixed_params}.
   */
  public FrozenTrial enqueue(Map<String, ?> params) {
    return enqueue(params, Map.of());
  }

  public FrozenTrial enqueue(Map<String, ?> params, Map<String, ?> userAttrs) {
    TrialUpdate.Builder template = TrialUpdate.builder().state(TrialState.WAITING)
        .systemAttr("fixed_params", new LinkedHashMap<>(params));
    userAttrs.forEach(template::userAttr);
    return storage.createTrial(studyId, template.build());
  }

  // ---- optimize --------------------------------------------------------------------------------

  /** Runs {@code trials} trials of a single-objective function on this thread. */
  public OptimizeResult optimize(Objective objective, int trials) {
    return optimize(objective, OptimizeOptions.trials(trials));
  }

  public OptimizeResult optimize(Objective objective, OptimizeOptions options) {
    return new OptimizeLoop(this, trial -> List.of(objective.evaluate(trial)), options).run();
  }

  /** Runs a function with one value per direction. */
  public OptimizeResult optimizeMulti(MultiObjective objective, OptimizeOptions options) {
    return new OptimizeLoop(this, trial -> {
      double[] values = objective.evaluate(trial);
      List<Double> list = new ArrayList<>(values.length);
      for (double v : values) list.add(v);
      return list;
    }, options).run();
  }

  /** Asks every optimize loop on this study, in this process, to stop after the trials in flight. */
  @Override
  public void stop() {
    stopRequested.set(true);
  }

  public boolean isStopRequested() {
    return stopRequested.get();
  }

  /** Clears a stop request, so that a new loop or executor on this study may run; called when one starts. */
  public void clearStop() {
    stopRequested.set(false);
  }

  public void addListener(StudyListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(StudyListener listener) {
    listeners.remove(listener);
  }

  // ---- reading ----------------------------------------------------------------------------------

  public List<FrozenTrial> trials() {
    return trials(Set.of());
  }

  @Override
  public List<FrozenTrial> trials(Set<TrialState> states) {
    return history.read(states);
  }

  @Override
  public FrozenTrial trial(long trialId) {
    return storage.trial(trialId);
  }

  /** The best COMPLETE trial of a single-objective study. */
  public Optional<FrozenTrial> bestTrial() {
    if (directions.size() != 1) {
      throw new IllegalStateException("study \"" + name + "\" has " + directions.size()
          + " objectives; use bestTrials() for its Pareto front");
    }
    return BestTrials.best(trials(Set.of(TrialState.COMPLETE)), directions.get(0));
  }

  /** The Pareto front (for one objective, the best trial). */
  public List<FrozenTrial> bestTrials() {
    return BestTrials.paretoFront(trials(Set.of(TrialState.COMPLETE)), directions);
  }

  public Map<String, Object> userAttrs() {
    return storage.studyUserAttrs(studyId);
  }

  public void setUserAttr(String key, Object value) {
    storage.setStudyUserAttr(studyId, key, value);
  }

  @Override
  public Map<String, Object> systemAttrs() {
    return storage.studySystemAttrs(studyId);
  }

  @Override
  public void setSystemAttr(String key, Object value) {
    storage.setStudySystemAttr(studyId, key, value);
  }

  @Override
  public void setTrialSystemAttr(long trialId, String key, Object value) {
    storage.updateTrial(trialId, TrialUpdate.builder().systemAttr(key, value).build());
    Trial live = running.get(trialId);
    if (live != null) live.noteSystemAttr(key, value);
  }

  @Override
  public String toString() {
    return "Study " + name + " " + directions + " in " + storage.describe();
  }
}
