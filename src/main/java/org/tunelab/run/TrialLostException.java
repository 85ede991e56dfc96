package org.tunelab.run;

/**
 * The trial's program could not be followed to its end because the machine running it was lost
 * (an SSH host that did not come back within its reconnect timeout). Nothing is known of how it
 * ended, so the executor marks the trial FAIL with this reason and re-queues a WAITING copy with the
 * same parameters (as Optuna's {@code RetryFailedTrialCallback} would), which runs on another slot.
 *
 * <pre>{@code
 * throw new TrialLostException("lost gpu1 while trial 3 ran; its log: ~/tunelab-runs/s/trials/3-ab/log");
 * }</pre>
 */
public class TrialLostException extends CommandFailedException {
  public TrialLostException(String reason) {
    super(reason);
  }
}
