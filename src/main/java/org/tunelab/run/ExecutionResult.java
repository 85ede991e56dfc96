package org.tunelab.run;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link LocalExecutor#run()} did.
 *
 * @param started trials this run started
 * @param complete trials that ended COMPLETE
 * @param pruned trials that ended PRUNED
 * @param failed trials that ended FAIL (including interrupted ones)
 * @param requeued trials interrupted and re-queued
 * @param recovered stale trials of earlier runs ended when this run started
 */
public record ExecutionResult(int started, int complete, int pruned, int failed, int requeued, Reason reason,
    Duration elapsed, List<TrialRecovery.Recovered> recovered) {

  public ExecutionResult {
    recovered = List.copyOf(recovered);
  }

  public int finished() {
    return complete + pruned + failed;
  }

  /** Why the run ended. */
  public enum Reason {
    /** The number of trials asked for was started and finished. */
    BUDGET,
    /** The run's wall-clock limit passed. */
    TIMEOUT,
    /** Stopped through the API, {@code tunelab stop}, or the study (a finished grid, too many failures). */
    STOPPED,
    /** Ctrl+C or the JVM shutting down: running trials were killed. */
    INTERRUPTED
  }
}
