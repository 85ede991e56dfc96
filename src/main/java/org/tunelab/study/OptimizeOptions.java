package org.tunelab.study;

import java.time.Duration;
import org.tunelab.space.SearchSpace;

/**
 * How long and how wide {@link Study#optimize} runs. Stops when {@code trials} have been started,
 * when {@code timeout} has passed (checked between trials), or when the study is stopped, whichever
 * comes first; with neither a budget nor a timeout it runs until stopped.
 *
 * <pre>{@code
 * study.optimize(objective, OptimizeOptions.trials(100).withWorkers(4).withTimeout(Duration.ofMinutes(10)));
 * }</pre>
 *
 * @param trials how many trials this call adds, or {@code null} for no limit
 * @param timeout wall-clock limit, or {@code null}
 * @param workers trials evaluated at once, each on its own thread
 * @param space a fixed search space sampled before the objective runs, or {@code null} for define-by-run
 * @param continueOnFailure when true, a failing trial is recorded and the loop goes on; when false
 *     (Optuna's behaviour) the first failure stops the loop and is rethrown as {@link ObjectiveException}
 */
public record OptimizeOptions(Integer trials, Duration timeout, int workers, SearchSpace space,
    boolean continueOnFailure) {

  public OptimizeOptions {
    if (trials != null && trials < 0) throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    if (timeout != null && timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative");
  }

  public static OptimizeOptions trials(int n) {
    return new OptimizeOptions(n, null, 1, null, false);
  }

  public static OptimizeOptions timeout(Duration timeout) {
    return new OptimizeOptions(null, timeout, 1, null, false);
  }

  public OptimizeOptions withTrials(Integer n) {
    return new OptimizeOptions(n, timeout, workers, space, continueOnFailure);
  }

  public OptimizeOptions withTimeout(Duration t) {
    return new OptimizeOptions(trials, t, workers, space, continueOnFailure);
  }

  public OptimizeOptions withWorkers(int n) {
    return new OptimizeOptions(trials, timeout, n, space, continueOnFailure);
  }

  public OptimizeOptions withSpace(SearchSpace s) {
    return new OptimizeOptions(trials, timeout, workers, s, continueOnFailure);
  }

  public OptimizeOptions continuingOnFailure(boolean c) {
    return new OptimizeOptions(trials, timeout, workers, space, c);
  }
}
