package org.tunelab.run;

import org.tunelab.trial.FrozenTrial;

/**
 * Ends what a dead runner left behind outside this process before {@link TrialRecovery} fails its
 * trial: a program still running on an SSH host, say, which nothing would stop otherwise. A
 * {@link TrialRunner} that starts such programs implements it; {@link LocalExecutor} passes it to the
 * recovery it runs before starting.
 *
 * <pre>{@code
 * StaleTrialCleaner cleaner = trial -> "nothing ran outside this machine";
 * TrialRecovery.recover(study, RecoveryPolicy.DEFAULT, cleaner);
 * }</pre>
 */
@FunctionalInterface
public interface StaleTrialCleaner {
  /** Cleans nothing. */
  StaleTrialCleaner NONE = trial -> null;

  /**
   * Called once for each stale trial, still RUNNING in the store, on the recovering thread.
   *
   * @return what was done, appended to the trial's fail reason, or {@code null} when there was nothing to do
   */
  String cleanUp(FrozenTrial trial);
}
