package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationFormatTest {

  @ParameterizedTest
  @CsvSource({"45s,PT45S", "30m,PT30M", "2h,PT2H", "1h30m,PT1H30M", "1d,PT24H", "500ms,PT0.5S", "90,PT1M30S",
      "1.5h,PT1H30M", "2H,PT2H"})
  void parsesDurationsAsPeopleWriteThem(String text, String iso) {
    assertEquals(Duration.parse(iso), DurationFormat.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "h", "10x", "1h 30m", "-5m", "0s", "m30"})
  void refusesWhatIsNotADuration(String text) {
    assertThrows(IllegalArgumentException.class, () -> DurationFormat.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"PT45S,45s", "PT1H30M,1h30m", "PT48H,2d", "PT0.25S,250ms", "PT1H0M5S,1h5s"})
  void formatsTheShortestFormThatReadsBack(String iso, String text) {
    assertEquals(text, DurationFormat.format(Duration.parse(iso)));
    assertEquals(Duration.parse(iso), DurationFormat.parse(text));
  }
}
