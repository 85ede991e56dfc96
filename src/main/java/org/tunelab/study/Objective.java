package org.tunelab.study;

/**
 * A single-objective function of a trial: suggest parameters from the trial, return the value.
 * Throwing {@link TrialPrunedException} prunes the trial; any other exception fails it.
 *
 * <pre>{@code
 * Objective f = trial -> {
 *   double x = trial.suggestFloat("x", -10, 10);
 *   return (x - 2) * (x - 2);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Objective {
  double evaluate(Trial trial) throws Exception;
}
