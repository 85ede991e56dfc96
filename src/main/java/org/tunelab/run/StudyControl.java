package org.tunelab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tunelab.storage.Storage;
import org.tunelab.study.Study;

/**
 * Pause, resume, stop and the number of slots of a study, for every process running it: kept in
 * the study's system attribute {@code tunelab:control} ({@code {"state": "paused", "slots": 4,
 * "at": epoch-millis}}), which each {@link LocalExecutor} polls. The store is the one channel every
 * runner already shares, so {@code tunelab pause} works on a run in another terminal or on another
 * machine. A stop applies to the runs going at the time it was given, not to later ones.
 *
 * <p>Every action has a form taking the store and the study's id, for a client (the app) that
 * steers a study without building a {@link Study} with its sampler. {@link #killTrial} asks for one
 * running trial to be killed, through the trial's system attribute {@value #KILL_ATTR}.
 *
 * @param state {@code running}, {@code paused} or {@code stopped}
 * @param slots the number of slots every executor should use, or {@code null} to keep their own
 * @param at when the state was set, in epoch milliseconds
 * @param kill with {@code stopped}: kill the running trials instead of letting them finish
 */
public record StudyControl(String state, Integer slots, long at, boolean kill) {
  /** The system attribute that holds it. */
  public static final String ATTR = "tunelab:control";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String STOPPED = "stopped";
  /** The trial system attribute asking the executor running the trial to kill it. */
  public static final String KILL_ATTR = "tunelab:kill";
  /** The failure reason of a trial killed on request. */
  public static final String KILLED_BY_USER = "killed by user";

  public StudyControl {
    if (!RUNNING.equals(state) && !PAUSED.equals(state) && !STOPPED.equals(state)) {
      throw new IllegalArgumentException("state must be running, paused or stopped, got " + state);
    }
    if (slots != null && slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
  }

  /** The study's control, {@code running} with no slot count when none was ever set. */
  public static StudyControl of(Map<String, Object> studySystemAttrs) {
    if (!(studySystemAttrs.get(ATTR) instanceof Map<?, ?> m)) return new StudyControl(RUNNING, null, 0, false);
    String state = m.get("state") instanceof String s && (s.equals(PAUSED) || s.equals(STOPPED)) ? s : RUNNING;
    Integer slots = m.get("slots") instanceof Number n && n.longValue() >= 1 ? (int) Math.min(n.longValue(), 4096) : null;
    long at = m.get("at") instanceof Number n ? n.longValue() : 0;
    return new StudyControl(state, slots, at, STOPPED.equals(state) && Boolean.TRUE.equals(m.get("kill")));
  }

  public static StudyControl read(Study study) {
    return of(study.systemAttrs());
  }

  public static StudyControl read(Storage storage, long studyId) {
    return of(storage.studySystemAttrs(studyId));
  }

  /** Pauses every run of the study: running trials go on, no new one starts until resumed. */
  public static void pause(Study study) {
    pause(study.storage(), study.id());
  }

  public static void pause(Storage storage, long studyId) {
    write(storage, studyId, PAUSED, read(storage, studyId).slots(), false);
  }

  public static void resume(Study study) {
    resume(study.storage(), study.id());
  }

  public static void resume(Storage storage, long studyId) {
    write(storage, studyId, RUNNING, read(storage, studyId).slots(), false);
  }

  /** Stops the runs going now after their running trials; later runs are not affected. */
  public static void stop(Study study) {
    stop(study.storage(), study.id());
  }

  public static void stop(Storage storage, long studyId) {
    write(storage, studyId, STOPPED, read(storage, studyId).slots(), false);
  }

  /**
   * Stops the runs going now at once: their running trials are killed and marked FAIL (or
   * re-queued, as each run was told); later runs are not affected.
   */
  public static void stopNow(Study study) {
    stopNow(study.storage(), study.id());
  }

  public static void stopNow(Storage storage, long studyId) {
    write(storage, studyId, STOPPED, read(storage, studyId).slots(), true);
  }

  /** Sets the slots of every run of the study, keeping its state. */
  public static void slots(Study study, int slots) {
    slots(study.storage(), study.id(), slots);
  }

  public static void slots(Storage storage, long studyId, int slots) {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    StudyControl now = read(storage, studyId);
    write(storage, studyId, now.state(), slots, now.kill());
  }

  /**
   * Asks the executor running this trial to kill its program (with its process tree) and mark it
   * FAIL with the reason {@value #KILLED_BY_USER}; the run goes on with its other trials. The
   * executor sees the request within its poll period (half a second).
   *
   * @throws org.tunelab.storage.StorageException when the trial is no longer running or waiting
   */
  public static void killTrial(Storage storage, long trialId) {
    storage.updateTrial(trialId, org.tunelab.storage.TrialUpdate.builder()
        .systemAttr(KILL_ATTR, System.currentTimeMillis()).build());
  }

  private static void write(Storage storage, long studyId, String state, Integer slots, boolean kill) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state);
    if (slots != null) m.put("slots", (long) slots);
    if (kill) m.put("kill", true);
    m.put("at", System.currentTimeMillis());
    storage.setStudySystemAttr(studyId, ATTR, m);
  }
}
