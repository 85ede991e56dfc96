package org.tunelab.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.storage.Storage;
import org.tunelab.storage.TrialNotUpdatableException;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Finds trials left RUNNING by a runner that died (killed, crashed, machine gone) and ends them:
 * FAIL with the reason, and re-queued with the same parameters while the policy allows retries.
 * A runner on this machine is known dead at once (its process is gone); one elsewhere once its
 * heartbeat is older than the grace period. Trials of live runners, and trials without a runner or
 * heartbeat (Python Optuna without heartbeats), are left alone.
 *
 * <p>Re-queued trials follow Optuna's {@code RetryFailedTrialCallback}: the new WAITING trial has
 * the same parameters and user attributes, and system attributes {@code failed_trial} (the first
 * trial of the chain) and {@code retry_history} (every failed number), so Optuna sees the same.
 *
 * <pre>{@code
 * List<Recovered> done = TrialRecovery.recover(study, RecoveryPolicy.DEFAULT.withRetries(2));
 * }</pre>
 */
public final class TrialRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(TrialRecovery.class);

  /**
   * One trial that was ended.
   *
   * @param requeuedAs the number of the WAITING copy, or {@code null} when it was not re-queued
   */
  public record Recovered(int number, String reason, Integer requeuedAs) {}

  private TrialRecovery() {}

  /** Ends every stale trial of the study; returns what was done, by trial number. */
  public static List<Recovered> recover(Study study, RecoveryPolicy policy) {
    return recover(study, policy, StaleTrialCleaner.NONE);
  }

  /**
   * Like {@link #recover(Study, RecoveryPolicy)}, with {@code cleaner} ending what each stale trial
   * left running elsewhere (its note goes into the fail reason).
   */
  public static List<Recovered> recover(Study study, RecoveryPolicy policy, StaleTrialCleaner cleaner) {
    Storage storage = study.storage();
    Map<Long, FrozenTrial> found = new LinkedHashMap<>();
    Map<Long, String> stale = new LinkedHashMap<>();
    for (FrozenTrial t : study.trials(java.util.Set.of(TrialState.RUNNING))) {
      Optional<RunnerIdentity> runner = RunnerIdentity.of(t.systemAttrs());
      if (runner.isPresent() && runner.get().isDeadOnThisHost()) {
        found.put(t.trialId(), t);
        stale.put(t.trialId(), "its runner (pid " + runner.get().pid() + " on " + runner.get().host() + ") died");
      }
    }
    for (FrozenTrial t : storage.staleTrials(study.id(), policy.grace())) {
      found.putIfAbsent(t.trialId(), t);
      stale.putIfAbsent(t.trialId(), "no heartbeat for more than " + policy.grace().toSeconds() + "s: its runner died"
          + RunnerIdentity.of(t.systemAttrs()).map(r -> " (pid " + r.pid() + " on " + r.host() + ")").orElse(""));
    }
    List<Recovered> out = new ArrayList<>();
    for (Map.Entry<Long, String> e : stale.entrySet()) {
      String reason = e.getValue();
      String note = cleaner.cleanUp(found.get(e.getKey()));
      if (note != null) reason += "; " + note;
      FrozenTrial failed = failStored(storage, e.getKey(), reason);
      if (failed == null) continue; // finished meanwhile: its runner was alive after all
      Integer copy = requeue(study, failed, policy.retries());
      LOG.warn("trial {} was left running: {}; marked FAIL{}", failed.number(), reason,
          copy == null ? "" : ", re-queued as trial " + copy);
      out.add(new Recovered(failed.number(), reason, copy));
    }
    return out;
  }

  /** Marks a stored RUNNING trial FAIL; {@code null} when it had already finished. */
  static FrozenTrial failStored(Storage storage, long trialId, String reason) {
    try {
      storage.updateTrial(trialId, TrialUpdate.builder().systemAttr("fail_reason", reason).state(TrialState.FAIL).build());
    } catch (TrialNotUpdatableException alreadyFinished) {
      return null;
    }
    return storage.trial(trialId);
  }

  /**
   * Adds a WAITING copy of a failed trial when its retry history allows one more; returns the copy's
   * number, or {@code null}.
   */
  public static Integer requeue(Study study, FrozenTrial failed, int retries) {
    List<Object> history = new ArrayList<>();
    if (failed.systemAttrs().get("retry_history") instanceof List<?> h) history.addAll(h);
    history.add((long) failed.number());
    if (history.size() > retries) return null;
    TrialUpdate.Builder copy = TrialUpdate.builder().state(TrialState.WAITING);
    failed.params().forEach((name, value) -> {
      var d = failed.distributions().get(name);
      copy.param(name, d, d.toInternal(value));
    });
    failed.userAttrs().forEach(copy::userAttr);
    copy.systemAttr("failed_trial", failed.systemAttrs().getOrDefault("failed_trial", (long) failed.number()));
    copy.systemAttr("retry_history", history);
    return study.storage().createTrial(study.id(), copy.build()).number();
  }
}
