package org.tunelab.sampler;

import java.util.List;
import java.util.Map;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Chooses parameter values for trials. All values cross this interface in Optuna's internal
 * representation (a double; the index of the choice for categoricals).
 *
 * <p><b>Relative and independent sampling.</b> When a trial starts, the study asks
 * {@link #inferRelativeSearchSpace} which parameters the sampler wants to choose jointly, then calls
 * {@link #sampleRelative} once for all of them (a multivariate model, a grid point, a CMA-ES
 * candidate). Every parameter that is not covered (define-by-run parameters, conditional ones the
 * sampler left out) is then chosen one at a time by {@link #sampleIndependent} when the objective
 * asks for it. A sampler without a joint model implements only {@code sampleIndependent}.
 *
 * <p><b>Hooks.</b> {@link #beforeTrial} runs once per trial before any sampling;
 * {@link #afterTrial} runs once after the trial finished, before its final state is written.
 *
 * <p><b>Threads and state.</b> One sampler instance serves every worker thread of a study, so
 * implementations are thread-safe. A sampler must not keep its only copy of state in memory: other
 * processes write the same study, so state is rebuilt from the trials and attributes the
 * {@link StudyView} reads (caching is fine when it is keyed by what was read). Random choices come
 * from an explicit seed, and for a given seed and trial number they do not depend on thread timing.
 *
 * <p><b>Errors.</b> A sampler throws {@link IllegalArgumentException} for a parameter it cannot
 * handle, with a message naming the parameter.
 */
public interface Sampler {

  /** The parameters to sample jointly for {@code trial}; empty when this sampler samples independently. */
  default Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return Map.of();
  }

  /** Values for (a subset of) {@code space}, by name, in internal representation. */
  default Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return Map.of();
  }

  /** A value for one parameter, in internal representation, contained in {@code distribution}. */
  double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution);

  default void beforeTrial(StudyView study, FrozenTrial trial) {}

  /**
   * Called when a trial finishes.
   *
   * @param values the values about to be recorded, or {@code null} when the trial has none
   */
  default void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {}

  /**
   * How this sampler was made: its type and settings, seed included. Recorded in the study's system
   * attributes so that a study says how it was produced.
   */
  Map<String, Object> settings();
}
