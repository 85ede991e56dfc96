package org.tunelab.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Where studies and trials live: the single source of truth that every face of TuneLab reads back.
 *
 * <p><b>Threads and processes.</b> Every method is thread-safe. A persistent store may be shared by
 * several processes (TuneLab and Python Optuna alike); each method then sees what others committed.
 *
 * <p><b>Atomicity.</b> Each method is one logical write: it either happens whole or not at all. In
 * particular {@link #updateTrial} writes all parameters, values, attributes and the new state of a
 * trial in one transaction, so a reader never sees half a trial.
 *
 * <p><b>Immutability.</b> A finished trial (COMPLETE, PRUNED, FAIL) never changes; updating one throws
 * {@link TrialNotUpdatableException}. Everything returned is an immutable snapshot owned by the caller.
 *
 * <p><b>Errors.</b> Failures of the underlying medium surface as {@link StorageException} with a
 * message naming the store and the operation; nothing is retried by callers.
 */
public interface Storage extends AutoCloseable {

  /** Creates a study; throws {@link DuplicateStudyException} when the name is taken. Returns its id. */
  long createStudy(String name, List<StudyDirection> directions);

  /** Deletes a study with all its trials and attributes. */
  void deleteStudy(long studyId);

  /** The id of the study with this name, if any. */
  OptionalLong findStudy(String name);

  /** The id of the study with this name; throws {@link StudyNotFoundException} listing the names there are. */
  default long studyId(String name) {
    OptionalLong id = findStudy(name);
    if (id.isPresent()) return id.getAsLong();
    throw new StudyNotFoundException(name, studies().stream().map(StudySummary::name).toList());
  }

  String studyName(long studyId);

  List<StudyDirection> directions(long studyId);

  Map<String, Object> studyUserAttrs(long studyId);

  Map<String, Object> studySystemAttrs(long studyId);

  /** Sets a JSON-compatible value (see {@link org.tunelab.json.PythonJson}). */
  void setStudyUserAttr(long studyId, String key, Object value);

  void setStudySystemAttr(long studyId, String key, Object value);

  /** Every study with its trial counts and best trial, ordered by id. */
  List<StudySummary> studies();

  /**
   * Adds a trial and gives it the next number of its study. Without a template (or with one whose
   * state is {@code null}) the trial is RUNNING and started now; a WAITING template enqueues it (not
   * started); a finished template adds a finished trial (as Optuna's {@code add_trial}).
   */
  FrozenTrial createTrial(long studyId, TrialUpdate template);

  /**
   * Takes the oldest WAITING trial of the study and makes it RUNNING, atomically: when several
   * workers race for one trial, exactly one gets it.
   */
  Optional<FrozenTrial> claimWaitingTrial(long studyId);

  /**
   * Applies an update to a RUNNING or WAITING trial in one transaction. Parameters must be compatible
   * with those of the same name elsewhere in the study (same kind, same log flag, same choices), as
   * Optuna requires; otherwise {@link IncompatibleDistributionException}.
   */
  void updateTrial(long trialId, TrialUpdate update);

  /** The latest snapshot of a trial; throws {@link StorageException} when there is none. */
  FrozenTrial trial(long trialId);

  /** The study's trials in the given states (every state when {@code states} is empty), by number. */
  List<FrozenTrial> trials(long studyId, Set<TrialState> states);

  default List<FrozenTrial> trials(long studyId) {
    return trials(studyId, Set.of());
  }

  /**
   * Records "now" as the latest heartbeat of each trial that is still RUNNING, in one transaction;
   * trials that finished meanwhile are skipped. The time is the store's clock (for SQLite the
   * database's {@code CURRENT_TIMESTAMP} in Optuna's {@code trial_heartbeats} table), so that
   * runners on machines with skewed clocks agree on what is stale.
   */
  void recordHeartbeats(Collection<Long> trialIds);

  /**
   * The study's RUNNING trials whose latest heartbeat is older than {@code grace} by the store's
   * clock (to the second), by number. A trial that never sent a heartbeat is never stale, as in
   * Optuna: its runner may not send any.
   */
  List<FrozenTrial> staleTrials(long studyId, Duration grace);

  /**
   * The study's trials that are new or may have changed since {@code cursor} (see {@link TrialCursor}),
   * by number: every trial with a larger id than the cursor's last one, and the trials that were
   * unfinished then, read again. Live views read only this after the first reading. A trial in the
   * result may be unchanged; a trial not in it has not changed.
   */
  default List<FrozenTrial> trialsSince(long studyId, TrialCursor cursor) {
    return trials(studyId).stream()
        .filter(t -> t.trialId() > cursor.lastTrialId() || cursor.unfinished().contains(t.trialId()))
        .toList();
  }

  /**
   * A number that changes whenever anything in the store changed, including by another process. Live
   * views poll it and read trials again only when it moved.
   */
  long dataVersion();

  /** A short description for messages, such as the file path. */
  String describe();

  @Override
  void close();
}
