package org.tunelab.sampler.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CmaStateTest {
  /** The best half sits on the mean, the worse half lies along the first axis. */
  private static void tellFailuresAlongFirstAxis(CmaState s) {
    List<double[]> xs = List.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new double[] {0.5, 0.5},
        new double[] {0.6, 0.5}, new double[] {0.4, 0.5}, new double[] {0.65, 0.5});
    s.tell(xs, new double[] {1, 1, 1, 5, 6, 7});
  }

  @Test
  void theActiveUpdateShrinksTheSpreadAlongDirectionsThatFailed() {
    CmaState s = new CmaState(new double[] {0.5, 0.5}, 0.1, 6, false);
    tellFailuresAlongFirstAxis(s);
    assertTrue(s.stdOf(0) < 0.99 * s.stdOf(1), "std along the failures " + s.stdOf(0) + " vs " + s.stdOf(1));
  }

  @Test
  void separableCmaUsesOnlyTheBetterHalf() {
    CmaState s = new CmaState(new double[] {0.5, 0.5}, 0.1, 6, true);
    tellFailuresAlongFirstAxis(s);
    assertEquals(s.stdOf(1), s.stdOf(0), 1e-12);
  }
}
