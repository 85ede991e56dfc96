package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportLineTest {

  @Test
  void readsFinalValue() {
    assertEquals(new ReportLine(null, List.of(0.93)), ReportLine.parse("@tunelab {\"value\": 0.93}"));
  }

  @Test
  void readsOneValuePerObjectiveIncludingInfinity() {
    assertEquals(new ReportLine(null, List.of(1.0, Double.NEGATIVE_INFINITY)),
        ReportLine.parse("  @tunelab {\"values\": [1, -Infinity]}  "));
  }

  @Test
  void readsIntermediateValueAtAStep() {
    assertEquals(new ReportLine(3, List.of(0.5)), ReportLine.parse("@tunelab {\"step\": 3, \"value\": 0.5}"));
  }

  @Test
  void ignoresLinesThatAreNotReports() {
    assertNull(ReportLine.parse("epoch 3 loss 0.5"));
    assertNull(ReportLine.parse("{\"value\": 1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@tunelab {value: 1}", "@tunelab {\"val\": 1}", "@tunelab {\"value\": \"high\"}",
      "@tunelab {\"values\": []}", "@tunelab {\"step\": -1, \"value\": 1}"})
  void reportsMalformedProtocolLinesInsteadOfIgnoringThem(String line) {
    assertThrows(IllegalArgumentException.class, () -> ReportLine.parse(line));
  }

  @Test
  void readsPlainNumbersAsPythonPrintsThem() {
    assertEquals(0.25, ReportLine.plainNumber(" 0.25 "));
    assertEquals(1e-5, ReportLine.plainNumber("1e-05"));
    assertEquals(Double.POSITIVE_INFINITY, ReportLine.plainNumber("inf"));
    assertEquals(-3.0, ReportLine.plainNumber("-3"));
    assertNull(ReportLine.plainNumber("loss: 3"));
  }
}
