package org.tunelab.run;

import java.time.Duration;

/**
 * What to do with trials whose runner died.
 *
 * @param grace how old a heartbeat may get before its trial counts as stale (runners on other
 *     machines; on this machine a dead runner is seen at once)
 * @param retries how many times one set of parameters is re-queued after its runner died or it was
 *     interrupted; 0 only marks the trial FAIL
 */
public record RecoveryPolicy(Duration grace, int retries) {
  /** Heartbeats every 10 s; stale after 60 s without one; no retries. */
  public static final RecoveryPolicy DEFAULT = new RecoveryPolicy(Duration.ofSeconds(60), 0);

  public RecoveryPolicy {
    if (grace == null || grace.isNegative()) throw new IllegalArgumentException("grace must be >= 0, got " + grace);
    if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
  }

  public RecoveryPolicy withRetries(int n) {
    return new RecoveryPolicy(grace, n);
  }

  public RecoveryPolicy withGrace(Duration g) {
    return new RecoveryPolicy(g, retries);
  }
}
