package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunelab.functions.BenchmarkFunction;
import org.tunelab.functions.BenchmarkFunctions;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;

/**
 * The noise variance floor is numerical jitter only: on exact values the model must become sure of
 * what it has seen (else LogEI prefers the ring around the best point to refining it), on noisy
 * values the fitted noise must still say so.
 */
class GpNoiseFloorTest {
  private static final boolean[] CONTINUOUS_2D = {false, false};

  private static double smooth(double[] p) {
    return Math.sin(3 * p[0]) + Math.cos(2 * p[1]) + 0.5 * p[0] * p[1];
  }

  private static double[][] points(int n, SplittableRandom rng) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
    return x;
  }

  @Test
  void exactValuesLeaveTheModelFarSurerThanTheOldFloorAllowed() {
    double[][] x = points(40, new SplittableRandom(3));
    double[] raw = new double[x.length];
    for (int i = 0; i < x.length; i++) raw[i] = smooth(x[i]);
    GaussianProcess gp = GpFit.fit(x, Targets.standardise(raw), CONTINUOUS_2D, null, false);
    // The old floor of 1e-6 (plus the log bound's 6e-6) kept the posterior deviation at a seen
    // point near 1e-3 standard deviations of the values.
    assertTrue(gp.hyper.noise() < 1e-6, "fitted noise " + gp.hyper.noise());
    double std = Math.sqrt(gp.predict(x[0])[1]);
    assertTrue(std < 3e-4, "posterior std at an observed point " + std);
  }

  @Test
  void noisyValuesStillGetAFittedNoiseOfTheirSize() {
    SplittableRandom rng = new SplittableRandom(4);
    double[][] x = points(40, rng);
    double[] raw = new double[x.length];
    for (int i = 0; i < x.length; i++) raw[i] = smooth(x[i]) + 0.3 * rng.nextGaussian();
    GaussianProcess gp = GpFit.fit(x, Targets.standardise(raw), CONTINUOUS_2D, null, false);
    // Noise sd 0.3 against a value sd of about 0.8: a variance near 0.1 on the standardised scale.
    assertTrue(gp.hyper.noise() > 1e-2, "fitted noise " + gp.hyper.noise());
  }

  @Test
  void keepsRefiningBraninsMinimumPastTheOldStall() {
    BenchmarkFunction branin = BenchmarkFunctions.get("branin");
    Study study = Study.builder(new InMemoryStorage()).name("b").sampler(GpSampler.builder().seed(0).build()).build();
    study.optimize(t -> branin.evaluate(t.params()), OptimizeOptions.trials(60).withSpace(branin.searchSpace()));
    double regret = branin.regret(study.bestTrial().orElseThrow().value());
    // With the old 1e-6 floor this seed was stuck at 1.6e-4 from trial 34 to trial 100.
    assertTrue(regret < 1e-5, "regret " + regret);
  }
}
