package org.tunelab.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tunelab.storage.Storage;

/**
 * Who runs a study right now, or ran it last: kept in the study's system attribute
 * {@code tunelab:run} by each {@link LocalExecutor} when it starts and when it ends. It is how the
 * app, reopening a study, knows whether a run is going (and by which process) and what its budget
 * is. With several processes running one study at once, the last one to start or end wins: the
 * attribute describes one run, not all of them.
 *
 * <p>A run whose process died without ending (killed with SIGKILL, the machine lost power) still
 * says {@code running}; {@link #isActive()} checks the process when it ran on this host.
 *
 * @param runner the process running it
 * @param begin when the run began, epoch milliseconds
 * @param trials the run's trial budget, or {@code null} for none
 * @param timeout the run's wall-clock limit, or {@code null} for none
 * @param slots the slots it started with
 * @param ended when it ended, epoch milliseconds, or {@code 0} while it runs
 * @param reason why it ended ({@code BUDGET}, {@code TIMEOUT}, {@code STOPPED}, {@code INTERRUPTED}),
 *     or {@code null} while it runs
 */
public record RunStatus(RunnerIdentity runner, long begin, Integer trials, Duration timeout, int slots, long ended,
    String reason) {
  /** The system attribute that holds it. */
  public static final String ATTR = "tunelab:run";
  /**
   * The study system attribute naming the spec file a study was last run from (absolute path), so
   * that a client can start it again.
   */
  public static final String SPEC_ATTR = "tunelab:spec";

  public RunStatus {
    Objects.requireNonNull(runner, "runner");
  }

  /** A run of this process beginning now. */
  static RunStatus beginning(ExecutorOptions options) {
    return new RunStatus(RunnerIdentity.self(), System.currentTimeMillis(), options.trials(), options.timeout(),
        options.slots(), 0, null);
  }

  RunStatus ended(String why) {
    return new RunStatus(runner, begin, trials, timeout, slots, System.currentTimeMillis(), why);
  }

  /** Whether it has not recorded its end. */
  public boolean isRunning() {
    return ended == 0;
  }

  /**
   * Whether it runs now as far as this machine can tell: it has not ended, and, when it ran on this
   * host, its process is alive.
   */
  public boolean isActive() {
    return isRunning() && !runner.isDeadOnThisHost();
  }

  /** The study's run status; empty when no run ever recorded one (or it is malformed). */
  public static Optional<RunStatus> of(Map<String, Object> studySystemAttrs) {
    if (!(studySystemAttrs.get(ATTR) instanceof Map<?, ?> m)) return Optional.empty();
    if (!(m.get("host") instanceof String host) || !(m.get("pid") instanceof Number pid)
        || !(m.get("begin") instanceof Number begin)) {
      return Optional.empty();
    }
    long started = m.get("started") instanceof Number n ? n.longValue() : 0L;
    RunnerIdentity runner = new RunnerIdentity(host, pid.longValue(), started);
    Integer trials = m.get("trials") instanceof Number n ? n.intValue() : null;
    Duration timeout = m.get("timeout_ms") instanceof Number n ? Duration.ofMillis(n.longValue()) : null;
    int slots = m.get("slots") instanceof Number n ? Math.max(1, n.intValue()) : 1;
    long ended = m.get("ended") instanceof Number n ? n.longValue() : 0;
    String reason = m.get("reason") instanceof String s ? s : null;
    return Optional.of(new RunStatus(runner, begin.longValue(), trials, timeout, slots, ended, reason));
  }

  public static Optional<RunStatus> read(Storage storage, long studyId) {
    return of(storage.studySystemAttrs(studyId));
  }

  /** The value of the {@value #ATTR} attribute. */
  public Map<String, Object> toAttr() {
    Map<String, Object> m = new LinkedHashMap<>(runner.toAttr());
    m.put("begin", begin);
    if (trials != null) m.put("trials", (long) trials);
    if (timeout != null) m.put("timeout_ms", timeout.toMillis());
    m.put("slots", (long) slots);
    if (ended != 0) m.put("ended", ended);
    if (reason != null) m.put("reason", reason);
    return m;
  }

  void write(Storage storage, long studyId) {
    storage.setStudySystemAttr(studyId, ATTR, toAttr());
  }
}
