package org.tunelab.run;

import java.util.List;
import org.tunelab.study.Trial;

/**
 * Evaluates one trial: runs the user's program (or function) for it and hands back its values.
 *
 * <p><b>Threads.</b> {@link #run} is called on a worker thread of an executor, one call per trial,
 * several calls at once for parallel slots; it blocks until the trial's program has ended.
 * Implementations are thread-safe and keep no per-trial state between calls. Intermediate values
 * go into the trial as they arrive ({@link Trial#report}), and the pruner is asked after each.
 *
 * <p><b>Ownership.</b> The runner owns every process it starts and guarantees none outlives the
 * call: on return, on any exception and on interruption the program and all its descendants are
 * gone. The {@link Trial} belongs to the caller, who finishes it (tell, prune or fail) from what
 * {@code run} returns or throws; the runner never finishes it.
 *
 * <p><b>Errors.</b> {@link org.tunelab.study.TrialPrunedException} when the pruner stopped the
 * trial; {@link CommandFailedException} with the reason to store when the program failed (exit
 * code, timeout, malformed report, no value); {@link InterruptedException} when the calling thread
 * was interrupted (stop or Ctrl+C), after the program was killed.
 */
@FunctionalInterface
public interface TrialRunner {

  /** Runs the trial to its end and returns one value per objective (NaN is returned, not judged). */
  List<Double> run(Trial trial, TrialContext context) throws InterruptedException;
}
