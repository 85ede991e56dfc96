package org.tunelab.study;

import java.time.Duration;

/**
 * What one {@link Study#optimize} call did.
 *
 * @param trialsFinished trials this call finished, in any state
 */
public record OptimizeResult(int trialsFinished, StopReason reason, Duration elapsed) {

  /** Why the loop ended. */
  public enum StopReason {
    /** The number of trials asked for was reached. */
    BUDGET,
    /** The timeout passed. */
    TIMEOUT,
    /** {@link Study#stop()} was called, or a sampler stopped the study (a finished grid). */
    STOPPED
  }
}
