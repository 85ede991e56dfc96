package org.tunelab.pruner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Hyperband: several successive-halving brackets with different aggressiveness, as Optuna's
 * {@code HyperbandPruner}. There are {@code floor(log_rf(max/min)) + 1} brackets; bracket {@code s}
 * gets {@code ceil(n * rf^(n-1-s) / (n-s))} of the budget, and a trial goes to a bracket by
 * {@code crc32("<study>_<number>")}, so every process assigns it the same way. Each bracket is an
 * ASHA with {@code min_early_stopping_rate = bracket} that only sees the trials of its bracket.
 *
 * <p>With {@code maxResource} {@code null} ("auto") the brackets are set up once a trial completed:
 * its last step + 1. From then on the sampler, too, sees only the trials of the trial's bracket
 * ({@link #samplerView}), as Optuna's {@code _filter_study} arranges.
 *
 * <pre>{@code
 * Pruner hb = HyperbandPruner.withDefaults();  // min 1, max auto, reduction factor 3
 * }</pre>
 */
public final class HyperbandPruner implements Pruner {
  private final long minResource;
  private final Long configuredMaxResource;
  private final int reductionFactor;
  private final int bootstrapCount;
  private volatile Brackets brackets;

  private record Brackets(List<SuccessiveHalvingPruner> pruners, List<Integer> budgets, int total) {}

  /** @param maxResource the last step of a full trial, or {@code null} for "auto" */
  public HyperbandPruner(long minResource, Long maxResource, int reductionFactor, int bootstrapCount) {
    PrunerSteps.requireAtLeast("min_resource", minResource, 1);
    PrunerSteps.requireAtLeast("reduction_factor", reductionFactor, 2);
    PrunerSteps.requireAtLeast("bootstrap_count", bootstrapCount, 0);
    if (maxResource != null && maxResource < minResource) {
      throw new IllegalArgumentException("max_resource must be >= min_resource, got " + maxResource + " < " + minResource);
    }
    this.minResource = minResource;
    this.configuredMaxResource = maxResource;
    this.reductionFactor = reductionFactor;
    this.bootstrapCount = bootstrapCount;
    if (maxResource != null) brackets = brackets(maxResource);
  }

  public static HyperbandPruner withDefaults() {
    return new HyperbandPruner(1, null, 3, 0);
  }

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    PrunerSteps.direction(study, "hyperband");
    Brackets b = brackets;
    if (b == null) {
      long last = -1;
      for (FrozenTrial t : study.trials(Set.of(TrialState.COMPLETE))) if (t.lastStep() != null) last = Math.max(last, t.lastStep());
      if (last < 0) return false;
      synchronized (this) {
        if (brackets == null) brackets = brackets(Math.max(last + 1, minResource));
        b = brackets;
      }
    }
    int bracket = bracketOf(b, study.studyName(), trial.number());
    return b.pruners().get(bracket).prune(new BracketView(study, b, bracket), trial);
  }

  /** Once the brackets exist: the study restricted to the trial's bracket. */
  @Override
  public StudyView samplerView(StudyView study, FrozenTrial trial) {
    Brackets b = brackets;
    if (b == null) return study;
    return new BracketView(study, b, bracketOf(b, study.studyName(), trial.number()));
  }

  private Brackets brackets(long maxResource) {
    int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor)) + 1;
    List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
    List<Integer> budgets = new ArrayList<>();
    int total = 0;
    for (int id = 0; id < n; id++) {
      int s = n - 1 - id;
      int budget = (int) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
      budgets.add(budget);
      total += budget;
      pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, id, bootstrapCount));
    }
    return new Brackets(List.copyOf(pruners), List.copyOf(budgets), total);
  }

  static int bracketOf(Brackets b, String studyName, int number) {
    CRC32 crc = new CRC32();
    crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
    long n = crc.getValue() % b.total();
    for (int id = 0; id < b.budgets().size(); id++) {
      n -= b.budgets().get(id);
      if (n < 0) return id;
    }
    throw new IllegalStateException("no bracket for trial " + number);
  }

  /** The bracket of a trial; brackets must be set up. */
  int bracketOf(String studyName, int number) {
    return bracketOf(brackets, studyName, number);
  }

  /** Number of brackets, or 0 before they could be set up. */
  public int bracketCount() {
    Brackets b = brackets;
    return b == null ? 0 : b.pruners().size();
  }

  /** The study as one bracket's ASHA sees it: only the trials of that bracket. */
  private static final class BracketView implements StudyView {
    private final StudyView study;
    private final Brackets brackets;
    private final int bracket;

    BracketView(StudyView study, Brackets brackets, int bracket) {
      this.study = study;
      this.brackets = brackets;
      this.bracket = bracket;
    }

    @Override public String studyName() { return study.studyName(); }
    @Override public List<StudyDirection> directions() { return study.directions(); }
    @Override public FrozenTrial trial(long trialId) { return study.trial(trialId); }
    @Override public Map<String, Object> systemAttrs() { return study.systemAttrs(); }
    @Override public void setSystemAttr(String key, Object value) { study.setSystemAttr(key, value); }
    @Override public void setTrialSystemAttr(long id, String key, Object value) { study.setTrialSystemAttr(id, key, value); }
    @Override public void stop() { study.stop(); }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
      return study.trials(states).stream()
          .filter(t -> bracketOf(brackets, study.studyName(), t.number()) == bracket).toList();
    }
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "hyperband");
    s.put("min_resource", minResource);
    s.put("max_resource", configuredMaxResource == null ? "auto" : configuredMaxResource);
    s.put("reduction_factor", (long) reductionFactor);
    s.put("bootstrap_count", (long) bootstrapCount);
    return s;
  }

  @Override
  public String toString() {
    return settings().toString();
  }
}
