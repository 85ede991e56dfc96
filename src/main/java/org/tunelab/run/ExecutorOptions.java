package org.tunelab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tunelab.space.SearchSpace;

/**
 * How a {@link LocalExecutor} runs a study.
 *
 * <pre>{@code
 * ExecutorOptions o = ExecutorOptions.slots(4).withTrials(100).withGpus(List.of("0", "1"), 1)
 *     .withSpace(space).withLogDir(Path.of("studies.db-logs/mlp"));
 * }</pre>
 *
 * @param slots trials run at once
 * @param gpus GPU ids handed out to trials, empty for none
 * @param gpusPerTrial GPUs each trial gets when {@code gpus} is not empty
 * @param trials how many trials this run starts, or {@code null} for no limit
 * @param timeout wall-clock limit of the run (no trial starts after it), or {@code null}
 * @param space the fixed search space sampled before a trial runs, or {@code null} for define-by-run
 * @param logDir where trial logs go, or {@code null} for none
 * @param heartbeat how often running trials send a heartbeat
 * @param recovery how stale trials are found and whether they are re-queued
 * @param requeueInterrupted whether trials killed by a stop or Ctrl+C are re-queued (within
 *     {@code recovery.retries()}) rather than only marked FAIL
 */
public record ExecutorOptions(int slots, List<String> gpus, int gpusPerTrial, Integer trials, Duration timeout,
    SearchSpace space, Path logDir, Duration heartbeat, RecoveryPolicy recovery, boolean requeueInterrupted) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);

  public ExecutorOptions {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    gpus = List.copyOf(gpus);
    if (!gpus.isEmpty() && (gpusPerTrial < 1 || gpusPerTrial > gpus.size())) {
      throw new IllegalArgumentException("gpus_per_trial must be between 1 and the " + gpus.size()
          + " GPU(s) listed, got " + gpusPerTrial);
    }
    if (trials != null && trials < 0) throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    if (timeout != null && timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative");
    if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("heartbeat must be > 0, got " + heartbeat);
    }
    if (recovery == null) throw new IllegalArgumentException("recovery must be given");
  }

  public static ExecutorOptions slots(int slots) {
    return new ExecutorOptions(slots, List.of(), 1, null, null, null, null, DEFAULT_HEARTBEAT, RecoveryPolicy.DEFAULT,
        false);
  }

  public ExecutorOptions withSlots(int n) {
    return new ExecutorOptions(n, gpus, gpusPerTrial, trials, timeout, space, logDir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withGpus(List<String> ids, int perTrial) {
    return new ExecutorOptions(slots, ids, perTrial, trials, timeout, space, logDir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withTrials(Integer n) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, n, timeout, space, logDir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withTimeout(Duration t) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, t, space, logDir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withSpace(SearchSpace s) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, timeout, s, logDir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withLogDir(Path dir) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, timeout, space, dir, heartbeat, recovery, requeueInterrupted);
  }

  public ExecutorOptions withHeartbeat(Duration every) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, timeout, space, logDir, every, recovery, requeueInterrupted);
  }

  public ExecutorOptions withRecovery(RecoveryPolicy policy) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, timeout, space, logDir, heartbeat, policy, requeueInterrupted);
  }

  public ExecutorOptions requeueingInterrupted(boolean requeue) {
    return new ExecutorOptions(slots, gpus, gpusPerTrial, trials, timeout, space, logDir, heartbeat, recovery, requeue);
  }
}
