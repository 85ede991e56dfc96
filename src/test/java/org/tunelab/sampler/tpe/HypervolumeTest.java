package org.tunelab.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  @Test
  void twoObjectivesIsTheUnionOfRectangles() {
    // (3-1)(3-2) + (3-2)(3-1) - overlap (3-2)(3-2) = 3
    assertEquals(3.0, Hypervolume.of(List.of(new double[] {1, 2}, new double[] {2, 1}), new double[] {3, 3}), 1e-12);
  }

  @Test
  void threeObjectivesIsTheUnionOfBoxes() {
    double[] ref = {2, 2, 2};
    assertEquals(1.0, Hypervolume.of(List.of(new double[] {1, 1, 1}), ref), 1e-12);
    // Two boxes of volume 2 overlapping in a unit cube.
    assertEquals(3.0, Hypervolume.of(List.of(new double[] {0, 1, 1}, new double[] {1, 0, 1}), ref), 1e-12);
    // A dominated point adds nothing.
    assertEquals(3.0, Hypervolume.of(List.of(new double[] {0, 1, 1}, new double[] {1, 0, 1},
        new double[] {1.5, 1.5, 1.5}), ref), 1e-12);
  }

  @Test
  void pointsOutsideTheReferenceBoxAreIgnored() {
    assertEquals(0.0, Hypervolume.of(List.of(new double[] {3, 0}), new double[] {2, 2}), 0);
  }

  @Test
  void ranksFrontsByNonDomination() {
    double[][] points = {{1, 4}, {2, 2}, {3, 3}, {4, 1}, {5, 5}};
    assertArrayEquals(new int[] {0, 0, 1, 0, 2}, Hypervolume.nonDominationRanks(points, 5));
  }

  @Test
  void greedySubsetSelectionTakesTheLargestContributionFirst() {
    List<double[]> front = List.of(new double[] {0, 10}, new double[] {5, 5}, new double[] {10, 0});
    // Alone, (5,5) covers 36 of the box up to (11,11); each end point covers 11.
    assertEquals(List.of(1), Hypervolume.greedySubset(front, 1, new double[] {11, 11}));
  }
}
