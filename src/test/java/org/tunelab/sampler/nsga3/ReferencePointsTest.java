package org.tunelab.sampler.nsga3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencePointsTest {
  private static long binomial(int n, int k) {
    long c = 1;
    for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
    return c;
  }

  @ParameterizedTest(name = "{0} objectives, {1} divisions")
  @CsvSource({"1, 3", "2, 1", "2, 4", "3, 3", "3, 12", "5, 4", "8, 3"})
  void dasDennisGivesBinomialManyDistinctPointsOnTheUnitSimplex(int objectives, int divisions) {
    double[][] points = ReferencePoints.dasDennis(objectives, divisions);
    assertEquals(binomial(divisions + objectives - 1, objectives - 1), points.length);
    Set<List<Double>> distinct = new HashSet<>();
    for (double[] p : points) {
      assertEquals(objectives, p.length);
      assertEquals(1.0, Arrays.stream(p).sum(), 1e-12, Arrays.toString(p));
      for (double x : p) {
        assertTrue(x >= 0, Arrays.toString(p));
        // Coordinates are multiples of 1/h.
        assertEquals(Math.round(x * divisions), x * divisions, 1e-9, Arrays.toString(p));
      }
      distinct.add(Arrays.stream(p).boxed().toList());
    }
    assertEquals(points.length, distinct.size());
  }

  @Test
  void threeObjectivesWithThreeDivisionsGiveOptunasTenPoints() {
    List<List<Double>> points = Arrays.stream(ReferencePoints.dasDennis(3, 3))
        .map(p -> Arrays.stream(p).map(x -> x * 3).boxed().toList()).toList();
    Set<List<Double>> expected = Set.of(List.of(3.0, 0.0, 0.0), List.of(0.0, 3.0, 0.0), List.of(0.0, 0.0, 3.0),
        List.of(2.0, 1.0, 0.0), List.of(2.0, 0.0, 1.0), List.of(1.0, 2.0, 0.0), List.of(0.0, 2.0, 1.0),
        List.of(1.0, 0.0, 2.0), List.of(0.0, 1.0, 2.0), List.of(1.0, 1.0, 1.0));
    assertEquals(expected, new HashSet<>(points));
  }

  @Test
  void rejectsDivisionsBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferencePoints.dasDennis(3, 0));
    assertEquals("dividing_parameter must be >= 1, got 0", e.getMessage());
  }
}
