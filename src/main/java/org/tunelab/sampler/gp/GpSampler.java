package org.tunelab.sampler.gp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.tunelab.sampler.Constraints;
import org.tunelab.sampler.IntersectionSpace;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.UnitSpace;
import org.tunelab.sampler.TrialSeeds;
import org.tunelab.sampler.qmc.QmcSampler;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;
import org.tunelab.trial.TrialState;

/**
 * Gaussian-process Bayesian optimization, after Optuna's {@code GPSampler}: a Matérn 5/2 kernel
 * with one length scale per dimension (Hamming distance for categoricals) fitted by maximising the
 * marginal likelihood with priors, and the next point chosen by maximising an acquisition function
 * (numerically stable LogEI by default; EI, PI and UCB selectable) with quasi-random starts and
 * local search over continuous and discrete dimensions.
 *
 * <pre>{@code
 * Sampler gp = GpSampler.builder().seed(42).build();
 * }</pre>
 *
 * <p><b>Scope.</b> The parameters every COMPLETE trial has are modelled jointly; others (and all of
 * them during the first {@code nStartupTrials} trials) come from a scrambled Sobol sequence.
 *
 * <p><b>Trust region.</b> With one objective the acquisition is maximised inside TuRBO's trust
 * region around the best trial ({@link TrustRegion}), which grows after improvements and shrinks
 * after failures. In ten dimensions a global search sends trials to the corners of the box, where
 * the GP knows nothing; the region fixes that (styblinski_tang10 at 100 trials 132 -> 51, ackley10
 * 9.1 -> 5.8) at little cost in two (Branin 7.9e-08 -> 1.0e-07). {@code trustRegion(false)}
 * searches the whole space, as Optuna's GPSampler does.
 *
 * <p><b>Several objectives</b> (by default, {@code multi_objective = ehvi}) get one GP each, over
 * the objective turned into "maximise" and standardised, and the next point maximises the log
 * expected hypervolume improvement over the feasible Pareto front, with Optuna's reference point
 * ({@code min(0.9 w, 1.1 w)} of the worst standardised value {@code w} per objective). The
 * expectation is exact: a closed form over a disjoint box decomposition of the region the front
 * does not dominate ({@link NonDominatedBoxes}, {@link LogEhvi}), computed in log space so that it
 * still ranks candidates far from the front. Optuna's LogEHVI estimates it from 128
 * quasi-Monte-Carlo samples instead. Four or more objectives with a large front can need more
 * boxes than {@link #MAX_BOXES}; such a trial falls back to ParEGO. With {@code parego} (Knowles
 * 2006) each trial draws its own random weights (from its seeded stream) and models the augmented
 * Chebyshev scalarisation of the objectives normalised to [0, 1] with one GP.
 *
 * <p><b>Constraints</b> (values in the trial system attribute {@code constraints}, &gt; 0 violated)
 * get one GP each, and the log probability of feasibility is added to the acquisition.
 * <b>Pending trials</b> of other workers: with one objective (or ParEGO) they enter the objective's
 * GP as a constant liar with the best observed value; with EHVI every GP (objectives and
 * constraints) believes its own posterior mean there (Kriging believer, as Optuna &gt;= 4.9). Either
 * way simultaneous proposals spread out.
 *
 * <p><b>State.</b> A trial learns from the COMPLETE trials numbered below it; the only cache is the
 * previous fit used as a warm start. Thread-safe.
 */
public final class GpSampler implements Sampler {
  /** How several objectives are handled. */
  private enum MultiObjective { EHVI, PAREGO }

  /**
   * The largest box decomposition the exact EHVI evaluates. Two and three objectives stay far
   * below it (n + 1 and about 2n + 1 boxes for a front of n points); four objectives need about
   * n^2 / 4 boxes, so fronts beyond some 90 points fall back to ParEGO for that trial.
   */
  static final int MAX_BOXES = 2048;

  /** The intersection search space, folded incrementally over the history's stable snapshots. */
  private final IntersectionSpace.Incremental intersection = new IntersectionSpace.Incremental();
  private final long seed;
  private final int nStartupTrials;
  private final Acquisition.Kind kind;
  private final MultiObjective multiObjective;
  private final int candidates;
  private final boolean deterministic;
  private final boolean constraints;
  private final boolean trustRegion;
  private final Constraints.Function constraintsFunction;
  private final QmcSampler startup;
  private final Map<String, double[]> warmStarts = new ConcurrentHashMap<>();

  private GpSampler(Builder b) {
    this.seed = b.seed;
    this.nStartupTrials = b.nStartupTrials;
    this.kind = b.kind;
    this.multiObjective = b.multiObjective;
    this.candidates = b.candidates;
    this.deterministic = b.deterministic;
    this.constraints = b.constraints;
    this.trustRegion = b.trustRegion;
    this.constraintsFunction = b.constraintsFunction;
    this.startup = QmcSampler.builder().seed(b.seed).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
    List<FrozenTrial> done = completeBefore(study, trial);
    if (done.size() < nStartupTrials) return Map.of();
    return intersection.of(done);
  }

  private static List<FrozenTrial> completeBefore(StudyView study, FrozenTrial trial) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : study.trials(Set.of(TrialState.COMPLETE))) if (t.number() < trial.number()) out.add(t);
    return out;
  }

  @Override
  public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
    if (space.isEmpty()) return Map.of();
    List<FrozenTrial> done = new ArrayList<>();
    for (FrozenTrial t : completeBefore(study, trial)) if (t.params().keySet().containsAll(space.keySet())) done.add(t);
    if (done.size() < nStartupTrials) return Map.of();
    UnitSpace gs = new UnitSpace(space);
    SplittableRandom rng = TrialSeeds.forParam(seed, trial.number(), "gp:acquisition");
    double[][] x = new double[done.size()][];
    for (int r = 0; r < x.length; r++) x[r] = unit(gs, done.get(r));

    List<GaussianProcess> cgps = new ArrayList<>();
    double[] thresholds = new double[0];
    boolean[] feasible = new boolean[done.size()];
    java.util.Arrays.fill(feasible, true);
    if (constraints) {
      ConstraintModels cm = ConstraintModels.fit(done, x, gs, warmStarts, key(study, "constraint", gs), deterministic);
      cgps = cm.models();
      thresholds = cm.thresholds();
      feasible = cm.feasible();
    }
    double[] u = null;
    if (study.directions().size() > 1 && multiObjective == MultiObjective.EHVI) {
      u = byHypervolume(study, trial, gs, done, x, cgps, thresholds, feasible, rng);
    }
    if (u == null) u = byScalarObjective(study, trial, gs, done, x, cgps, thresholds, feasible, rng);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < gs.dims(); i++) out.put(gs.names.get(i), gs.fromUnit(i, u[i]));
    return out;
  }

  /** One objective, or ParEGO's scalarisation of several: one GP, LogEI (or the chosen kind). */
  private double[] byScalarObjective(StudyView study, FrozenTrial trial, UnitSpace gs, List<FrozenTrial> done,
      double[][] x, List<GaussianProcess> cgps, double[] thresholds, boolean[] feasible, SplittableRandom rng) {
    double[] target = Targets.maximised(done, study.directions(), rng);
    double[] y = Targets.standardise(target);
    GaussianProcess gp = GpFit.fit(x, y, gs.categorical, warmStarts.get(key(study, "objective", gs)), deterministic);
    warmStarts.put(key(study, "objective", gs), raw(gp.hyper));
    double best = Double.NEGATIVE_INFINITY;
    int bestRow = -1;
    for (int r = 0; r < y.length; r++) {
      if (feasible[r] && y[r] > best) {
        best = y[r];
        bestRow = r;
      }
    }
    GaussianProcess model = bestRow < 0 ? null : withPending(study, trial, gs, gp, best);
    Acquisition acq = new Acquisition(kind, model, best, 2.0, cgps, thresholds);
    List<double[]> warm = new ArrayList<>();
    if (bestRow >= 0) warm.add(x[bestRow].clone());
    AcquisitionOptimizer optimizer = new AcquisitionOptimizer(gs, candidates, 5);
    if (trustRegion && study.directions().size() == 1 && bestRow >= 0) {
      double[][] box = TrustRegion.around(done, target, feasible, nStartupTrials, x[bestRow], gp.hyper.invSqLengthscales(),
          gs.categorical);
      optimizer = new AcquisitionOptimizer(gs, candidates, 5, box[0], box[1]);
    }
    return optimizer.maximize(acq, warm, rng);
  }

  /**
   * Several objectives: one GP each and the exact log expected hypervolume improvement; pending
   * trials by Kriging believer. {@code null} when the front needs more than {@link #MAX_BOXES}
   * boxes (many objectives and a large front): the caller then uses ParEGO for this trial.
   */
  private double[] byHypervolume(StudyView study, FrozenTrial trial, UnitSpace gs, List<FrozenTrial> done,
      double[][] x, List<GaussianProcess> cgps, double[] thresholds, boolean[] feasible, SplittableRandom rng) {
    ObjectiveModels om = ObjectiveModels.fit(done, study.directions(), x, gs, warmStarts,
        key(study, "objectives", gs), deterministic);
    // Kriging believer: the pending points' believed outcomes (each GP's posterior mean) join the
    // GPs and, where believed feasible, the front, so that no improvement is expected there and
    // simultaneous proposals spread out.
    double[][] pending = pendingPoints(study, trial, gs);
    double[][] believedValues = ObjectiveModels.means(om.models(), pending);
    double[][] believedConstraints = ObjectiveModels.means(cgps, pending);
    List<double[]> believedFront = new ArrayList<>();
    for (int i = 0; i < pending.length; i++) {
      boolean ok = true;
      for (int j = 0; j < thresholds.length; j++) ok &= believedConstraints[i][j] <= thresholds[j];
      if (ok) believedFront.add(believedValues[i]);
    }
    NonDominatedBoxes boxes;
    try {
      boxes = om.boxes(feasible, believedFront, MAX_BOXES);
    } catch (NonDominatedBoxes.TooManyBoxes e) {
      return null;
    }
    List<GaussianProcess> cmodels = ObjectiveModels.believing(cgps, pending);
    AcquisitionFunction acq = boxes == null
        ? new Acquisition(kind, null, 0, 2.0, cmodels, thresholds)
        : new LogEhvi(ObjectiveModels.believing(om.models(), pending), boxes, cmodels, thresholds);
    // Local searches also start from two points of the feasible front, drawn at random.
    List<double[]> front = new ArrayList<>();
    for (int r : om.frontRows(feasible)) front.add(x[r].clone());
    List<double[]> warm = new ArrayList<>();
    for (int k = 0; k < 2 && !front.isEmpty(); k++) warm.add(front.remove(rng.nextInt(front.size())));
    return new AcquisitionOptimizer(gs, candidates, 5).maximize(acq, warm, rng);
  }

  /** The unit coordinates of the RUNNING trials of other workers that have every modelled parameter. */
  private static double[][] pendingPoints(StudyView study, FrozenTrial trial, UnitSpace gs) {
    List<double[]> px = new ArrayList<>();
    for (FrozenTrial t : study.trials(Set.of(TrialState.RUNNING))) {
      if (t.trialId() == trial.trialId() || !t.params().keySet().containsAll(gs.names)) continue;
      px.add(unit(gs, t));
    }
    return px.toArray(new double[0][]);
  }

  /** Pending (RUNNING) trials of other workers, believed to be as good as the best: a constant liar. */
  private static GaussianProcess withPending(StudyView study, FrozenTrial trial, UnitSpace gs, GaussianProcess gp, double best) {
    double[][] px = pendingPoints(study, trial, gs);
    if (px.length == 0) return gp;
    double[] py = new double[px.length];
    java.util.Arrays.fill(py, best);
    try {
      return gp.withObservations(px, py);
    } catch (ArithmeticException e) {
      return gp;
    }
  }

  static double[] unit(UnitSpace gs, FrozenTrial t) {
    double[] row = new double[gs.dims()];
    for (int i = 0; i < row.length; i++) row[i] = gs.toUnit(i, t.internalParam(gs.names.get(i)));
    return row;
  }

  private static String key(StudyView study, String what, UnitSpace gs) {
    return study.studyName() + "\u0000" + what + "\u0000" + String.join("\u0000", gs.names);
  }

  static double[] raw(GaussianProcess.Hyper h) {
    int d = h.invSqLengthscales().length;
    double[] t = new double[d + 2];
    for (int i = 0; i < d; i++) t[i] = Math.log(h.invSqLengthscales()[i]);
    t[d] = Math.log(h.scale());
    t[d + 1] = Math.log(Math.max(h.noise() - GpFit.MIN_NOISE, 1e-12));
    return t;
  }

  @Override
  public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
    return startup.sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    Constraints.record(constraintsFunction, study, trial, state, values);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "gp");
    s.put("seed", seed);
    s.put("n_startup_trials", nStartupTrials);
    s.put("acquisition", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    s.put("candidates", candidates);
    s.put("deterministic_objective", deterministic);
    s.put("constraints", constraints);
    s.put("trust_region", trustRegion);
    s.put("multi_objective", multiObjective.name().toLowerCase(java.util.Locale.ROOT));
    return s;
  }

  /**
   * Options: random (recorded) seed, 10 Sobol start-up trials, LogEI, exact LogEHVI for several
   * objectives, 1024 quasi-random candidates, noise fitted.
   */
  public static final class Builder {
    private long seed = TrialSeeds.randomSeed();
    private int nStartupTrials = 10;
    private Acquisition.Kind kind = Acquisition.Kind.LOG_EI;
    private MultiObjective multiObjective = MultiObjective.EHVI;
    private int candidates = 1024;
    private boolean deterministic;
    private boolean constraints;
    private boolean trustRegion = true;
    private Constraints.Function constraintsFunction;

    private Builder() {}

    /**
     * With one objective, search for the next point only inside TuRBO's trust region around the
     * best trial (on by default; see {@link TrustRegion}); off searches the whole space as
     * Optuna's GPSampler does.
     */
    public Builder trustRegion(boolean on) {
      this.trustRegion = on;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder nStartupTrials(int n) {
      if (n < 1) throw new IllegalArgumentException("n_startup_trials must be >= 1, got " + n);
      this.nStartupTrials = n;
      return this;
    }

    /** {@code log-ei} (default), {@code ei}, {@code pi} or {@code ucb}. */
    public Builder acquisition(String name) {
      switch (name) {
        case "log-ei": case "logei": kind = Acquisition.Kind.LOG_EI; break;
        case "ei": kind = Acquisition.Kind.EI; break;
        case "pi": kind = Acquisition.Kind.PI; break;
        case "ucb": kind = Acquisition.Kind.UCB; break;
        default: throw new IllegalArgumentException("acquisition must be one of log-ei, ei, pi, ucb, got " + name);
      }
      return this;
    }

    /**
     * How studies with several objectives choose the next point: {@code ehvi} (default), one GP per
     * objective and the exact expected hypervolume improvement in log space (Optuna's LogEHVI
     * estimates the same quantity with 128 quasi-Monte-Carlo samples); or {@code parego}, one GP of
     * a random augmented Chebyshev scalarisation per trial (Knowles 2006). No effect on studies with
     * one objective.
     */
    public Builder multiObjective(String name) {
      switch (name) {
        case "ehvi": case "log-ehvi": multiObjective = MultiObjective.EHVI; break;
        case "parego": multiObjective = MultiObjective.PAREGO; break;
        default: throw new IllegalArgumentException("multi_objective must be one of ehvi, parego, got " + name);
      }
      return this;
    }

    /** Quasi-random candidates scored before local search. */
    public Builder candidates(int n) {
      if (n < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + n);
      this.candidates = n;
      return this;
    }

    /** Fix the noise at its minimum: for objectives that give the same value for the same parameters. */
    public Builder deterministicObjective(boolean on) {
      this.deterministic = on;
      return this;
    }

    /** Read constraint values from each trial's system attribute {@code constraints}. */
    public Builder constraints(boolean on) {
      this.constraints = on;
      return this;
    }

    /** Compute and store each finished trial's constraint values with {@code f}; enables constraints. */
    public Builder constraints(Constraints.Function f) {
      this.constraintsFunction = java.util.Objects.requireNonNull(f);
      this.constraints = true;
      return this;
    }

    public GpSampler build() {
      return new GpSampler(this);
    }
  }
}
