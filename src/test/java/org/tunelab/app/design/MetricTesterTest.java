package org.tunelab.app.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metric test box reads a line as a run would: report lines first, then the patterns, then a bare number. */
class MetricTesterTest {
  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "val=([0-9.]+) | epoch=(\\d+) | epoch=4 val=0.5 | Metric 0.5 at step 4",
      "val=([0-9.]+) |              | val=0.5         | Metric 0.5 (steps are counted: 0, 1, 2, ...)",
      "val=([0-9.]+) | epoch=(\\d+) | val=0.5         | Metric 0.5 (no step in this line: the latest step seen is used)",
      "val=(\\w+)    |              | val=high        | The metric pattern matches, but \"high\" is not a number (put the number in the first group)",
      "val=([0-9.]+) |              | loss=3          | The metric pattern does not match this line",
      "val=([0-9.]+ |               | val=1           | The regex is not a valid regular expression: Unclosed group near index 12",
      "             |               | 0.25            | No metric pattern; the line is a number, so 0.25 is the value if it is the last one",
      "val=([0-9.]+) |              | '@tunelab {\"step\": 2, \"value\": 0.125}' | Report line: intermediate value 0.125 at step 2",
      "val=([0-9.]+) |              | '@tunelab {\"value\": 0.125}' | Report line: final value(s) [0.125]",
  })
  void readsALineAsARunWould(String regex, String step, String line, String expected) {
    assertEquals(expected, MetricTester.test(regex, step, line));
  }
}
