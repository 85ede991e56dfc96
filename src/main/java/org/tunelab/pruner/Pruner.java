package org.tunelab.pruner;

import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/**
 * Decides whether a running trial should stop early, from its intermediate values and the study's
 * other trials.
 *
 * <p><b>When and where.</b> Called on the thread that runs the trial (an objective calling
 * {@code trial.shouldPrune()}, or the runner of an external program right after it stored a reported
 * value); {@code trial} is a fresh snapshot that includes that value. Several trials are judged at
 * once from different threads, so implementations are thread-safe.
 *
 * <p><b>State.</b> A pruner keeps nothing apart from what the study stores (successive halving writes
 * its rungs into the trial's system attributes, as Optuna does), so that several processes pruning
 * one study agree. The only exception is a value estimated once from the study and then fixed
 * ({@code min_resource: auto}), as in Optuna.
 *
 * <p><b>Errors.</b> The rules are Optuna's and need one objective: a pruner asked about a
 * multi-objective study throws {@link UnsupportedOperationException}.
 *
 * <pre>{@code
 * Study study = Study.builder(storage).name("mlp").pruner(Pruner.median()).build();
 * study.optimize(trial -> {
 *   for (int epoch = 0; epoch < 20; epoch++) {
 *     trial.report(epoch, train(epoch));
 *     if (trial.shouldPrune()) throw new TrialPrunedException();
 *   }
 *   return validate();
 * }, 50);
 * }</pre>
 */
public interface Pruner {

  /** Whether {@code trial} should be pruned now. */
  boolean prune(StudyView study, FrozenTrial trial);

  /**
   * The study as the sampler should see it while it chooses values for {@code trial}: the whole
   * study, except for pruners that split trials into groups judged apart (Hyperband's brackets),
   * where the sampler learns only from the trial's own group, as in Optuna.
   */
  default StudyView samplerView(StudyView study, FrozenTrial trial) {
    return study;
  }

  /** Type and settings, recorded in the study's system attributes. */
  Map<String, Object> settings();

  /** A pruner that never prunes. */
  static Pruner none() {
    return NopPruner.INSTANCE;
  }

  /** Optuna's default pruner: {@code MedianPruner()} with its defaults. */
  static Pruner median() {
    return PercentilePruner.median(5, 0, 1, 1);
  }
}
