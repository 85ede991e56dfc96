package org.tunelab.sampler.nsga2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.sampler.RandomSampler;
import org.tunelab.sampler.Sampler;
import org.tunelab.sampler.SamplerContract;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class Nsga2SamplerTest extends SamplerContract {
  @Override
  protected Sampler newSampler(long seed) {
    return Nsga2Sampler.builder().seed(seed).population(8).build();
  }

  @Override
  protected int reproducibleTrialsInParallel() {
    return 8;
  }

  /** ZDT1 in 10 dimensions: f1 = x0, f2 = g (1 - sqrt(f1 / g)), g = 1 + 9 mean(x1..x9). */
  private static double[] zdt1(org.tunelab.study.Trial t) {
    double[] x = new double[10];
    for (int i = 0; i < 10; i++) x[i] = t.suggestFloat("x" + i, 0, 1);
    double g = 0;
    for (int i = 1; i < 10; i++) g += x[i];
    g = 1 + 9 * g / 9;
    return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
  }

  private static double hypervolume(List<FrozenTrial> front) {
    // Reference point (1.1, 11); 2-D hypervolume by sweeping f1 upwards.
    List<double[]> pts = front.stream().map(t -> new double[] {t.values().get(0), t.values().get(1)})
        .filter(p -> p[0] < 1.1 && p[1] < 11).sorted((a, b) -> Double.compare(a[0], b[0])).toList();
    double hv = 0;
    double lastF2 = 11;
    for (double[] p : pts) {
      if (p[1] < lastF2) {
        hv += (1.1 - p[0]) * (lastF2 - p[1]);
        lastF2 = p[1];
      }
    }
    return hv;
  }

  private static double run(Sampler sampler) {
    Study study = Study.builder(new InMemoryStorage()).name("zdt1").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
        .sampler(sampler).build();
    study.optimizeMulti(Nsga2SamplerTest::zdt1, OptimizeOptions.trials(500));
    return hypervolume(study.bestTrials());
  }

  @Test
  void frontOnZdt1BeatsRandomSearchOnEverySeed() {
    for (long seed = 0; seed < 3; seed++) {
      double ga = run(Nsga2Sampler.builder().seed(seed).build());
      double random = run(new RandomSampler(seed));
      assertTrue(ga > random, "seed " + seed + ": nsga2 " + ga + " vs random " + random);
    }
  }

  @Test
  void constrainedDominationPrefersFeasibleTrials() {
    Sampler s = Nsga2Sampler.builder().seed(4).population(10)
        .constraints((trial, values) -> new double[] {0.3 - (double) trial.params().get("x")}).build();
    Study study = Study.builder(new InMemoryStorage()).name("c").directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
        .sampler(s).build();
    study.optimizeMulti(t -> {
      double x = t.suggestFloat("x", 0, 1);
      double y = t.suggestFloat("y", 0, 1);
      return new double[] {x + y, 1 - x + y};
    }, OptimizeOptions.trials(100));
    List<FrozenTrial> late = study.trials(Set.of(TrialState.COMPLETE)).subList(70, 100);
    long feasible = late.stream().filter(t -> (double) t.params().get("x") >= 0.3).count();
    assertTrue(feasible >= 24, feasible + " of 30 late trials feasible");
  }
}
