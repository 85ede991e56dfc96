package org.tunelab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

class IntersectionSpaceTest {
  private static FrozenTrial trial(int number, Map<String, Distribution> d) {
    Map<String, Object> params = new LinkedHashMap<>();
    d.keySet().forEach(n -> params.put(n, 0.0));
    return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0), null, null, params, d, Map.of(), Map.of(), null);
  }

  @Test
  void incrementalIntersectionEqualsTheFullOneAsTrialsGrowShrinkAndChange() {
    SplittableRandom rng = new SplittableRandom(2);
    Distribution[] choices = {FloatDistribution.of(0, 1), FloatDistribution.of(0, 2), IntDistribution.of(0, 5)};
    List<FrozenTrial> all = new ArrayList<>();
    for (int t = 0; t < 300; t++) {
      Map<String, Distribution> d = new LinkedHashMap<>();
      for (int p = 0; p < 6; p++) {
        // Parameters 0-2 always present with one distribution, 3-5 now and then, with one of three.
        if (p < 3) d.put("p" + p, choices[0]);
        else if (rng.nextInt(10) > 0) d.put("p" + p, rng.nextInt(20) == 0 ? choices[rng.nextInt(3)] : choices[2]);
      }
      all.add(trial(t, d));
    }
    IntersectionSpace.Incremental incremental = new IntersectionSpace.Incremental();
    for (int n = 0; n <= all.size(); n += 1 + rng.nextInt(5)) {
      List<FrozenTrial> prefix = new ArrayList<>(all.subList(0, n));
      assertEquals(IntersectionSpace.of(prefix), incremental.of(prefix), "first " + n + " trials");
      // Another view now and then (another study, or a worker's earlier trial): still exact.
      if (rng.nextInt(4) == 0) {
        List<FrozenTrial> other = new ArrayList<>(all.subList(n / 2, n));
        assertEquals(IntersectionSpace.of(other), incremental.of(other), "trials " + n / 2 + ".." + n);
      }
    }
  }
}
