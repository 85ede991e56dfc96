package org.tunelab.run;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which process runs a trial, stored in the trial's system attribute {@code tunelab:runner} as
 * {@code {"host": ..., "pid": ..., "started": epoch-millis}}. On the same host a dead runner is
 * recognised at once: its pid is gone, or belongs to a process started at another time (pids are
 * reused). On other hosts only the heartbeat tells.
 *
 * @param started when the runner process started, in epoch milliseconds
 */
public record RunnerIdentity(String host, long pid, long started) {
  /** The system attribute that holds it. */
  public static final String ATTR = "tunelab:runner";
  private static final RunnerIdentity SELF = new RunnerIdentity(hostName(), ProcessHandle.current().pid(),
      startOf(ProcessHandle.current()).orElse(0L));

  public static RunnerIdentity self() {
    return SELF;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  private static Optional<Long> startOf(ProcessHandle h) {
    return h.info().startInstant().map(Instant::toEpochMilli);
  }

  /** The value of the {@value #ATTR} attribute. */
  public Map<String, Object> toAttr() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", host);
    m.put("pid", pid);
    m.put("started", started);
    return m;
  }

  /** The identity stored on a trial, if it has a well-formed one. */
  static Optional<RunnerIdentity> of(Map<String, Object> systemAttrs) {
    if (!(systemAttrs.get(ATTR) instanceof Map<?, ?> m)) return Optional.empty();
    if (!(m.get("host") instanceof String host) || !(m.get("pid") instanceof Number pid)) return Optional.empty();
    long started = m.get("started") instanceof Number s ? s.longValue() : 0L;
    return Optional.of(new RunnerIdentity(host, pid.longValue(), started));
  }

  /**
   * Whether this runner is known to be dead: it ran on this host and its process is gone. Start
   * times are compared to the second, since some systems report them coarsely.
   */
  boolean isDeadOnThisHost() {
    if (!host.equals(SELF.host)) return false;
    if (pid == SELF.pid && started == SELF.started) return false;
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) return true;
    Optional<Long> start = startOf(h.get());
    return started != 0 && start.isPresent() && Math.abs(start.get() - started) > 1000;
  }
}
