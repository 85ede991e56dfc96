package org.tunelab.sampler.auto;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.gp.GpSampler;
import org.tunelab.sampler.nsga2.Nsga2Sampler;
import org.tunelab.sampler.tpe.TpeSampler;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Picks a sound sampler for each trial from what the study looks like, and delegates to it:
 * <ul>
 *   <li>several objectives: NSGA-II once {@value #NSGA2_FROM} trials are complete (enough for its
 *       generations of 50); before, the GP by expected hypervolume improvement for a fixed space of
 *       at most {@value #GP_MAX_PARAMS} parameters (on ZDT1 after 50 trials hypervolume 4.04 of the
 *       optimum's 4.07, multi-objective TPE 2.74, NSGA-II and random search 2.30; on 3-objective
 *       DTLZ2 after 40: 0.545, 0.363, 0.420), multi-objective TPE for other spaces;</li>
 *   <li>a conditional space (some parameter missing from some trials): TPE, multivariate with group
 *       decomposition, which models each branch;</li>
 *   <li>a fixed space of at most {@value #GP_MAX_PARAMS} parameters: GP-BO (LogEI in a trust
 *       region), by far the best there (docs/benchmarks.md: Branin regret 1e-7 at 100 trials,
 *       Optuna's TPE 0.0121; on the 10-dimensional functions it beats TuneLab's TPE on ackley10 and
 *       styblinski_tang10 at every budget), until {@value #GP_UNTIL} trials are complete; then
 *       TuneLab's TPE, whose cost stays flat where the GP's grows with the cube of the trials;</li>
 *   <li>larger fixed spaces: TuneLab's TPE. Ten parameters is the most the GP was measured with;
 *       its ask also costs about three times as much at 20 (600 ms at 300 trials).</li>
 * </ul>
 * The choice depends only on the COMPLETE trials numbered below the asking one, so it is
 * reproducible; every delegate reads its state from the storage, so switching loses nothing. The
 * rule is in {@link #settings()}, and each change of pick is logged and kept in
 * {@code settings().get("picked")}.
 *
 * <pre>{@code
 * Sampler auto = AutoSampler.withSeed(42);
 * }</pre>
 */
public final class AutoSampler implements Sampler {
  static final int GP_UNTIL = 300;
  static final int GP_MAX_PARAMS = 10;
  static final int NSGA2_FROM = 250;
  private static final Logger LOG = LoggerFactory.getLogger(AutoSampler.class);

  private final long seed;
  private final GpSampler gp;
  private final TpeSampler tpe;
  private final Nsga2Sampler nsga2;
  private final Map<String, String> lastPick = new ConcurrentHashMap<>();

  private AutoSampler(long seed) {
    this.seed = seed;
    this.gp = GpSampler.builder().seed(seed).build();
    this.tpe = TpeSampler.builder().seed(seed).tuneLabDefaults().build();
    this.nsga2 = Nsga2Sampler.builder().seed(seed).build();
  }

  public static AutoSampler withSeed(long seed) {
    return new AutoSampler(seed);
  }

  /**
   * The name of the sampler this trial uses: {@code gp}, {@code tpe} or {@code nsga2}. Before any
   * trial is complete the space is unknown; the GP's quasi-random start-up is used then.
   */
  public String pick(StudyView study, FrozenTrial trial) {
    List<FrozenTrial> done = study.trials(Set.of(TrialState.COMPLETE));
    int complete = 0;
    Set<String> union = new HashSet<>();
    Map<String, Distribution> first = null;
    boolean conditional = false;
    for (FrozenTrial t : done) {
      if (t.number() >= trial.number()) continue;
      complete++;
      union.addAll(t.params().keySet());
      if (first == null) first = t.distributions();
      else conditional |= !t.params().keySet().equals(first.keySet());
    }
    conditional |= first != null && union.size() != first.size();
    String pick;
    boolean small = !conditional && (first == null || first.size() <= GP_MAX_PARAMS);
    if (study.isMultiObjective()) pick = complete >= NSGA2_FROM ? "nsga2" : small ? "gp" : "tpe";
    else pick = small && complete < GP_UNTIL ? "gp" : "tpe";
    String before = lastPick.put(study.studyName(), pick);
    if (!pick.equals(before)) LOG.info("auto sampler: trial {} of study {} uses {}", trial.number(), study.studyName(), pick);
    return pick;
  }

  private Sampler delegate(StudyView study, FrozenTrial trial) {
    switch (pick(study, trial)) {
      case "gp": return gp;
      case "nsga2": return nsga2;
      default: return tpe;
    }
  }

  @Override
  public void beforeTrial(StudyView study, FrozenTrial trial) {
    // NSGA-II numbers its generations in this hook; the others do nothing here.
    if (study.isMultiObjective()) nsga2.beforeTrial(study, trial);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    return delegate(study, trial).inferRelativeSearchSpace(study, trial);
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    return delegate(study, trial).sampleRelative(study, trial, space);
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return delegate(study, trial).sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "auto");
    s.put("seed", seed);
    s.put("rule", "several objectives: gp (fixed space of at most " + GP_MAX_PARAMS + " parameters) or tpe, nsga2 from "
        + NSGA2_FROM + " complete trials; conditional space: tpe; "
        + "fixed space of at most " + GP_MAX_PARAMS + " parameters: gp until " + GP_UNTIL + " complete trials, then tpe; "
        + "larger spaces: tpe");
    if (!lastPick.isEmpty()) s.put("picked", new java.util.TreeMap<>(lastPick));
    return s;
  }
}
