package org.tunelab.sampler.nsga3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class ReferencePointNichingTest {
  private static final List<StudyDirection> MIN2 = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);

  private static FrozenTrial trial(int number, double... values) {
    List<Double> v = new ArrayList<>();
    for (double x : values) v.add(x);
    return new FrozenTrial(number, number, TrialState.COMPLETE, v, null, null, Map.of(), Map.of(), Map.of(), Map.of(), null);
  }

  private static TreeSet<Integer> numbers(List<FrozenTrial> trials) {
    TreeSet<Integer> out = new TreeSet<>();
    trials.forEach(t -> out.add(t.number()));
    return out;
  }

  /**
   * A front on f1 + f2 = 1 crowded around the diagonal (trials 0-7) with one trial near each of the
   * four other directions of Das-Dennis with 4 divisions: (1,0), (.75,.25), (.25,.75), (0,1).
   */
  private static List<FrozenTrial> crowdedFront() {
    List<FrozenTrial> front = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double a = 0.46 + 0.01 * i;
      front.add(trial(i, a, 1 - a));
    }
    front.add(trial(8, 0.0, 1.0));
    front.add(trial(9, 0.26, 0.74));
    front.add(trial(10, 0.76, 0.24));
    front.add(trial(11, 1.0, 0.0));
    return front;
  }

  @Test
  void survivorsTakeOneTrialPerReferenceDirectionBeforeASecond() {
    ReferencePointNiching niching = new ReferencePointNiching(4, null);
    for (long seed = 0; seed < 5; seed++) {
      List<FrozenTrial> kept = niching.pick(List.of(), crowdedFront(), 5, MIN2, new SplittableRandom(seed));
      TreeSet<Integer> got = numbers(kept);
      // Four outliers and exactly one of the crowd: the diagonal's nearest, trial 4 (a = 0.50).
      assertEquals(new TreeSet<>(List.of(4, 8, 9, 10, 11)), got, "seed " + seed);
    }
  }

  @Test
  void trialsAlreadyKeptFillTheirNiches() {
    ReferencePointNiching niching = new ReferencePointNiching(1, null);
    // Directions (1,0) and (0,1). The kept trial 0 sits on (0,1) after normalization, so the
    // last front's one survivor must come from the (1,0) side, however many sit on (0,1).
    List<FrozenTrial> chosen = List.of(trial(0, 0.0, 1.0));
    List<FrozenTrial> last = List.of(trial(1, 0.1, 0.95), trial(2, 0.2, 0.9), trial(3, 0.9, 0.1));
    for (long seed = 0; seed < 5; seed++) {
      assertEquals(List.of(last.get(2)), niching.pick(chosen, last, 1, MIN2, new SplittableRandom(seed)));
    }
  }

  @Test
  void theSameRandomStreamGivesTheSameSurvivors() {
    ReferencePointNiching niching = new ReferencePointNiching(4, null);
    List<FrozenTrial> a = niching.pick(List.of(), crowdedFront(), 8, MIN2, new SplittableRandom(9));
    List<FrozenTrial> b = niching.pick(List.of(), crowdedFront(), 8, MIN2, new SplittableRandom(9));
    assertEquals(a, b);
    assertEquals(8, numbers(a).size());
  }

  @Test
  void normalizationDividesByTheInterceptsOfTheExtremePointsPlane() {
    // Points on f1 / 10 + f2 / 2 = 1, shifted by the ideal point (5, 3): normalized onto f1 + f2 = 1.
    double[][] f = {{5, 5}, {15, 3}, {10, 4}, {7.5, 4.5}};
    double[][] n = ReferencePointNiching.normalize(f);
    assertArrayEquals(new double[] {0, 1}, n[0], 1e-12);
    assertArrayEquals(new double[] {1, 0}, n[1], 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, n[2], 1e-12);
    assertArrayEquals(new double[] {0.25, 0.75}, n[3], 1e-12);
  }

  @Test
  void maximizedObjectivesAreNichedAsMinimizedOnes() {
    ReferencePointNiching niching = new ReferencePointNiching(4, null);
    List<FrozenTrial> flipped = crowdedFront().stream()
        .map(t -> trial(t.number(), -t.values().get(0), t.values().get(1))).toList();
    List<FrozenTrial> kept = niching.pick(List.of(), flipped, 5,
        List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), new SplittableRandom(1));
    assertEquals(new TreeSet<>(List.of(4, 8, 9, 10, 11)), numbers(kept));
  }

  @Test
  void associationIsByPerpendicularDistance() {
    double[][] refs = {{1, 0}, {1, 1}, {0, 1}};
    double[][] f = {{2, 0.1}, {0.6, 0.5}, {0.1, 3}};
    int[] niche = new int[3];
    double[] distance = new double[3];
    ReferencePointNiching.associate(f, refs, niche, distance);
    assertArrayEquals(new int[] {0, 1, 2}, niche);
    assertEquals(0.01, distance[0], 1e-12);
    assertEquals(0.005, distance[1], 1e-12);
  }

  @Test
  void givenReferencePointsMustMatchTheObjectives() {
    ReferencePointNiching niching = new ReferencePointNiching(3, new double[][] {{1, 0, 0}, {0, 1, 0}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> niching.pick(List.of(), crowdedFront(), 5, MIN2, new SplittableRandom(1)));
    assertEquals("reference_points have 3 coordinates but the study has 2 objectives", e.getMessage());
  }
}
