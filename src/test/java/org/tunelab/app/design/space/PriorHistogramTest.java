package org.tunelab.app.design.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

class PriorHistogramTest {
  private static int total(PriorHistogram h) {
    return h.bins().stream().mapToInt(PriorHistogram.Bin::count).sum();
  }

  @Test
  void logUniformPriorFillsEachDecadeAboutEqually() {
    // 8 bins over 4 decades: two bins per decade
    PriorHistogram h = PriorHistogram.of(FloatDistribution.log(1e-5, 1e-1), 4000, 7, 8);
    assertTrue(h.logScale());
    assertEquals(4000, total(h));
    for (int decade = 0; decade < 4; decade++) {
      int count = h.bins().get(2 * decade).count() + h.bins().get(2 * decade + 1).count();
      assertTrue(Math.abs(count - 1000) < 150, "decade " + decade + " holds " + count);
      assertEquals(Math.pow(10, -5 + decade), h.bins().get(2 * decade).lower(), 1e-12 * Math.pow(10, -5 + decade));
    }
  }

  @Test
  void linearBinsOfALogPriorWouldPileUpLow() {
    PriorHistogram h = PriorHistogram.of(FloatDistribution.of(1e-5, 1e-1), 2000, 7, 10);
    assertTrue(!h.logScale());
    // a uniform prior on a linear axis is flat too: the binning follows the distribution's own scale
    h.bins().forEach(b -> assertTrue(Math.abs(b.count() - 200) < 70, b.toString()));
  }

  @Test
  void intsGetOneBarPerValue() {
    PriorHistogram h = PriorHistogram.of(IntDistribution.of(1, 5), 2000, 1, 30);
    assertEquals(List.of("1", "2", "3", "4", "5"), h.bins().stream().map(PriorHistogram.Bin::label).toList());
    assertEquals(2000, total(h));
    h.bins().forEach(b -> assertTrue(b.count() > 300, b.toString()));
  }

  @Test
  void steppedIntsAndFloatsGetOneBarPerGridPoint() {
    assertEquals(List.of("16", "32", "48", "64"), PriorHistogram.of(IntDistribution.stepped(16, 64, 16), 500, 1, 30)
        .bins().stream().map(PriorHistogram.Bin::label).toList());
    assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5"),
        PriorHistogram.of(FloatDistribution.stepped(0, 0.5, 0.1), 500, 1, 30)
            .bins().stream().map(PriorHistogram.Bin::label).toList());
  }

  @Test
  void wideIntRangesAreBinnedIntoRanges() {
    PriorHistogram h = PriorHistogram.of(IntDistribution.log(1, 100_000), 2000, 1, 10);
    assertEquals(10, h.bins().size());
    assertTrue(h.logScale());
    assertEquals(2000, total(h));
  }

  @Test
  void categoricalsGetOneBarPerChoiceLabelledAsTyped() {
    PriorHistogram h = PriorHistogram.of(CategoricalDistribution.of("adam", 3L, null), 900, 1, 30);
    assertEquals(List.of("adam", "3", "null"), h.bins().stream().map(PriorHistogram.Bin::label).toList());
    assertEquals(900, total(h));
  }

  @Test
  void theSameSeedDrawsTheSameHistogram() {
    assertEquals(PriorHistogram.of(FloatDistribution.of(0, 1), 500, 3, 10),
        PriorHistogram.of(FloatDistribution.of(0, 1), 500, 3, 10));
  }

  @Test
  void logAxisIsLabelledAtPowersOfTen() {
    assertEquals(List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1),
        PriorHistogram.of(FloatDistribution.log(1e-5, 1e-1), 100, 1, 30).axisTicks());
  }

  @Test
  void linearAxisIsLabelledAtRoundSteps() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
        PriorHistogram.of(FloatDistribution.of(0, 1), 100, 1, 30).axisTicks());
    assertEquals(List.of(), PriorHistogram.of(IntDistribution.of(1, 5), 100, 1, 30).axisTicks());
  }
}
