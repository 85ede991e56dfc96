package org.tunelab.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogEhviTest {

  @ParameterizedTest(name = "{0} objectives, seed {1}")
  @CsvSource({"2, 21", "2, 22", "3, 23", "3, 24"})
  void closedFormMatchesMonteCarloWithinItsError(int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] front = NonDominatedBoxesTest.randomFront(m, 12, rng, false);
    double[] ref = new double[m];
    Arrays.fill(ref, -0.1);
    NonDominatedBoxes boxes = NonDominatedBoxes.of(front, ref, 10_000);
    for (int point = 0; point < 4; point++) {
      double[] mu = new double[m];
      double[] sigma = new double[m];
      for (int j = 0; j < m; j++) {
        mu[j] = 0.2 + 0.8 * rng.nextDouble();
        sigma[j] = 0.05 + 0.4 * rng.nextDouble();
      }
      int samples = 200_000;
      double sum = 0;
      double sumSq = 0;
      double[] y = new double[m];
      for (int s = 0; s < samples; s++) {
        for (int j = 0; j < m; j++) y[j] = mu[j] + sigma[j] * rng.nextGaussian();
        double hvi = improvement(y, boxes);
        sum += hvi;
        sumSq += hvi * hvi;
      }
      double mean = sum / samples;
      double stderr = Math.sqrt((sumSq / samples - mean * mean) / samples);
      double exact = Math.exp(LogEhvi.logEhvi(mu, sigma, boxes));
      assertTrue(mean > 10 * stderr, "the point has a measurable improvement: " + mean);
      assertEquals(mean, exact, 4 * stderr, "at mu=" + Arrays.toString(mu) + " sigma=" + Arrays.toString(sigma));
    }
  }

  @Test
  void logFormStaysFiniteAndMonotoneWherePlainEhviUnderflows() {
    double[][] front = {{1, 0}, {0.5, 0.5}, {0, 1}};
    NonDominatedBoxes boxes = NonDominatedBoxes.of(front, new double[] {-0.2, -0.2}, 100);
    double[] sigma = {1, 1};
    double previous = Double.POSITIVE_INFINITY;
    for (double distance = 30; distance <= 60; distance += 5) {
      double[] mu = {-distance, -distance};
      double log = LogEhvi.logEhvi(mu, sigma, boxes);
      assertEquals(0.0, plainEhvi(mu, sigma, boxes), "plain EHVI has underflowed at distance " + distance);
      assertTrue(Double.isFinite(log), "finite at distance " + distance);
      assertTrue(log < previous, "decreases with the distance from the front: " + log + " at " + distance);
      previous = log;
    }
  }

  @Test
  void logFormEqualsPlainFormWhereThatIsAccurate() {
    double[][] front = {{1, 0, 0.2}, {0.5, 0.5, 0.5}, {0, 1, 0.1}, {0.2, 0.1, 1}};
    NonDominatedBoxes boxes = NonDominatedBoxes.of(front, new double[] {-0.2, -0.2, -0.2}, 100);
    double[] mu = {0.3, 0.4, 0.2};
    double[] sigma = {0.3, 0.2, 0.5};
    assertEquals(Math.log(plainEhvi(mu, sigma, boxes)), LogEhvi.logEhvi(mu, sigma, boxes), 1e-10);
  }

  @Test
  void narrowBoxDifferenceIsContinuousAcrossTheMidpointSwitch() {
    for (double a : new double[] {-30, -3, 0, 4}) {
      double below = LogEhvi.logDifferenceOfG(a, a - 0.99999e-4);
      double above = LogEhvi.logDifferenceOfG(a, a - 1.00001e-4);
      // the difference grows like the width: log(1.00001e-4 / 0.99999e-4) = 2e-5
      assertEquals(2e-5, above - below, 1e-6, "at a=" + a);
    }
  }

  /** The hypervolume improvement of y over the front, by the boxes (which NonDominatedBoxesTest checks). */
  private static double improvement(double[] y, NonDominatedBoxes boxes) {
    double total = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double v = 1;
      for (int j = 0; j < y.length && v > 0; j++) v *= Math.max(0, Math.min(y[j], boxes.upper()[k][j]) - boxes.lower()[k][j]);
      total += v;
    }
    return total;
  }

  /** EHVI straight from the formula in double precision. */
  private static double plainEhvi(double[] mu, double[] sigma, NonDominatedBoxes boxes) {
    double total = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double v = 1;
      for (int j = 0; j < mu.length; j++) {
        double a = (mu[j] - boxes.lower()[k][j]) / sigma[j];
        double b = (mu[j] - boxes.upper()[k][j]) / sigma[j];
        v *= sigma[j] * (g(a) - (b == Double.NEGATIVE_INFINITY ? 0 : g(b)));
      }
      total += v;
    }
    return total;
  }

  private static double g(double z) {
    return z * 0.5 * Erf.erfc(-z / Math.sqrt(2)) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }
}
