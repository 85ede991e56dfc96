package org.tunelab.app.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunelab.app.Formats;
import org.tunelab.run.RunStatus;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.StudyControl;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Where a study's run stands, computed from what the store holds (trials, {@link RunStatus},
 * {@link StudyControl}) at one moment: a pure function, so it is computed off the UI thread and
 * tested without a display.
 *
 * @param state what the run does now
 * @param stateText one line for the user, such as {@code Running (pid 4242 on lab-1)}
 * @param done trials of this run that finished (complete, pruned or failed)
 * @param budget the run's trial budget, or {@code null} for none
 * @param progress 0 to 1 against the trial (or time) budget, or -1 when there is no budget
 * @param progressText such as {@code 12 of 40 trials}
 * @param elapsed how long the run has gone on (or went on), or {@code null} without a run
 * @param remaining the estimated time left, or {@code null} when unknown
 * @param slots the slot count in force
 * @param runningTrials the trials running now, one row each, by number
 * @param failures failed trials of the study, newest first
 */
public record RunOverview(RunState state, String stateText, int done, Integer budget, double progress,
    String progressText, Duration elapsed, Duration remaining, int slots, List<SlotRow> runningTrials,
    List<FailureRow> failures) {
  /** How many recent durations the ETA's median looks at: recent ones say most about the rest. */
  static final int RECENT = 20;
  static final int MAX_FAILURES = 500;

  public RunOverview {
    runningTrials = List.copyOf(runningTrials);
    failures = List.copyOf(failures);
  }

  /** What the study's run does. */
  public enum RunState {
    /** No run ever recorded itself. */
    NEVER_RUN,
    RUNNING,
    PAUSED,
    /** Stopped through its control, its running trials finishing. */
    STOPPING,
    /** It ended (budget, time, stop, interrupt). */
    ENDED,
    /** It says it runs, but its process is gone. */
    DIED;

    /** Whether a run goes on, paused or not. */
    public boolean isActive() {
      return this == RUNNING || this == PAUSED || this == STOPPING;
    }
  }

  /** A running trial. */
  public record SlotRow(int number, long trialId, String params, String host, Duration runningFor, String lastReport,
      String logFile) {}

  /** A failed trial and why. */
  public record FailureRow(int number, long trialId, String reason, String logFile) {}

  /**
   * Where the run stands at {@code nowMillis}.
   *
   * @param status the study's run status, if any run recorded one
   * @param alive whether that run's process is alive as far as this machine can tell
   *     ({@link RunStatus#isActive()}); ignored for a run that recorded its end
   */
  public static RunOverview of(List<FrozenTrial> trials, Optional<RunStatus> status, boolean alive,
      StudyControl control, long nowMillis, ZoneId zone) {
    List<SlotRow> running = new ArrayList<>();
    List<FailureRow> failures = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.RUNNING) running.add(slotRow(t, nowMillis, zone));
      if (t.state() == TrialState.FAIL) failures.add(failureRow(t));
    }
    failures.sort(Comparator.comparingInt(FailureRow::number).reversed());
    if (failures.size() > MAX_FAILURES) failures = failures.subList(0, MAX_FAILURES);
    if (status.isEmpty()) {
      return new RunOverview(RunState.NEVER_RUN, "No run recorded for this study: run it from a spec file (Run > Run spec file…)", 0, null, -1, "", null, null,
          control.slots() == null ? 1 : control.slots(), running, failures);
    }
    RunStatus s = status.get();
    boolean givenSince = control.at() > s.begin();
    int slots = control.slots() != null && givenSince ? control.slots() : s.slots();
    RunState state = state(s, alive, control, givenSince);
    long end = s.isRunning() ? nowMillis : s.ended();
    Duration elapsed = Duration.ofMillis(Math.max(0, end - s.begin()));
    List<FrozenTrial> ofRun = trials.stream().filter(t -> t.datetimeStart() != null
        && millis(t.datetimeStart(), zone) >= s.begin() - 1000).toList();
    int done = (int) ofRun.stream().filter(t -> t.state().isFinished()).count();
    double progress = -1;
    String progressText = done + (done == 1 ? " trial" : " trials") + " done";
    if (s.trials() != null && s.trials() > 0) {
      progress = Math.min(1, done / (double) s.trials());
      progressText = done + " of " + s.trials() + " trials";
    } else if (s.timeout() != null && !s.timeout().isZero()) {
      progress = Math.min(1, elapsed.toMillis() / (double) s.timeout().toMillis());
      progressText += " in " + Formats.duration(elapsed) + " of " + Formats.duration(s.timeout());
    }
    if (state == RunState.ENDED) progress = s.trials() != null || s.timeout() != null ? Math.max(progress, 0) : -1;
    Duration remaining = state.isActive() && state != RunState.STOPPING
        ? remaining(trials, s, done, running.size(), slots, elapsed) : null;
    return new RunOverview(state, stateText(state, s), done, s.trials(), progress, progressText, elapsed, remaining,
        slots, running, failures);
  }

  private static RunState state(RunStatus s, boolean alive, StudyControl control, boolean givenSince) {
    if (!s.isRunning()) return RunState.ENDED;
    if (!alive) return RunState.DIED;
    if (StudyControl.STOPPED.equals(control.state()) && givenSince) return RunState.STOPPING;
    if (StudyControl.PAUSED.equals(control.state())) return RunState.PAUSED;
    return RunState.RUNNING;
  }

  private static String stateText(RunState state, RunStatus s) {
    RunnerIdentity r = s.runner();
    String who = "pid " + r.pid() + " on " + r.host();
    return switch (state) {
      case RUNNING -> "Running (" + who + ")";
      case PAUSED -> "Paused: no new trial starts (" + who + ")";
      case STOPPING -> "Stopping: running trials finish (" + who + ")";
      case DIED -> "The run's process (" + who + ") is gone; its running trials are recovered by the next run";
      case ENDED -> "Ended: " + endText(s.reason());
      case NEVER_RUN -> "No run recorded for this study: run it from a spec file (Run > Run spec file…)";
    };
  }

  private static String endText(String reason) {
    if (reason == null) return "done";
    return switch (reason) {
      case "BUDGET" -> "trial budget used";
      case "TIMEOUT" -> "time limit reached";
      case "STOPPED" -> "stopped";
      case "INTERRUPTED" -> "stopped at once; running trials were killed";
      default -> reason.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * Trials still to run, in waves of {@code slots}, each wave as long as the median of recent trial
   * durations; capped by the time budget.
   */
  static Duration remaining(List<FrozenTrial> trials, RunStatus s, int done, int running, int slots, Duration elapsed) {
    Duration byTime = s.timeout() == null ? null : s.timeout().minus(elapsed).isNegative() ? Duration.ZERO
        : s.timeout().minus(elapsed);
    if (s.trials() == null) return byTime;
    Duration median = medianRecentDuration(trials);
    if (median == null) return byTime;
    int left = Math.max(0, s.trials() - done);
    if (left == 0) return Duration.ZERO;
    // Running trials are half done on average; the rest start as slots free up.
    double waves = Math.max(0, left - running) / (double) Math.max(1, slots) + (running > 0 ? 0.5 : 0);
    Duration byTrials = Duration.ofMillis((long) Math.ceil(waves * median.toMillis()));
    return byTime != null && byTime.compareTo(byTrials) < 0 ? byTime : byTrials;
  }

  /** The median duration of the last {@value #RECENT} finished trials (by number), or {@code null} for none. */
  static Duration medianRecentDuration(List<FrozenTrial> trials) {
    List<Duration> recent = trials.stream().filter(t -> t.state().isFinished() && t.duration() != null)
        .sorted(Comparator.comparingInt(FrozenTrial::number).reversed()).limit(RECENT)
        .map(FrozenTrial::duration).sorted().toList();
    if (recent.isEmpty()) return null;
    int n = recent.size();
    return n % 2 == 1 ? recent.get(n / 2) : recent.get(n / 2 - 1).plus(recent.get(n / 2)).dividedBy(2);
  }

  private static SlotRow slotRow(FrozenTrial t, long nowMillis, ZoneId zone) {
    Duration runningFor = t.datetimeStart() == null ? Duration.ZERO
        : Duration.ofMillis(Math.max(0, nowMillis - millis(t.datetimeStart(), zone)));
    String report = "";
    if (!t.intermediateValues().isEmpty()) {
      Map.Entry<Integer, Double> last = lastEntry(t.intermediateValues());
      report = Formats.number(last.getValue()) + " @ step " + last.getKey();
    }
    return new SlotRow(t.number(), t.trialId(), paramsSummary(t.params()), host(t), runningFor, report, logFile(t));
  }

  private static Map.Entry<Integer, Double> lastEntry(Map<Integer, Double> values) {
    Map.Entry<Integer, Double> last = null;
    for (Map.Entry<Integer, Double> e : values.entrySet()) if (last == null || e.getKey() > last.getKey()) last = e;
    return last;
  }

  private static FailureRow failureRow(FrozenTrial t) {
    Object reason = t.systemAttrs().get("fail_reason");
    return new FailureRow(t.number(), t.trialId(), reason == null ? "(no reason recorded)" : reason.toString(),
        logFile(t));
  }

  /** {@code lr=0.001, layers=3}, parameters by name. */
  static String paramsSummary(Map<String, Object> params) {
    StringBuilder s = new StringBuilder();
    new java.util.TreeMap<>(params).forEach((k, v) -> {
      if (s.length() > 0) s.append(", ");
      s.append(k).append('=').append(Formats.param(v));
    });
    return s.toString();
  }

  private static String host(FrozenTrial t) {
    if (t.systemAttrs().get("tunelab:remote") instanceof String remote && remote.contains(":")) {
      return remote.substring(0, remote.indexOf(':'));
    }
    if (t.systemAttrs().get(RunnerIdentity.ATTR) instanceof Map<?, ?> m && m.get("host") instanceof String h) return h;
    return "";
  }

  static String logFile(FrozenTrial t) {
    return t.systemAttrs().get("tunelab:log") instanceof String s ? s : null;
  }

  private static long millis(LocalDateTime t, ZoneId zone) {
    return t.atZone(zone).toInstant().toEpochMilli();
  }
}
