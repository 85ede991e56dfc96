package org.tunelab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

  /** Expected strings are what CPython 3.11 {@code repr()} printed for the same literals. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.0, 0.0",
      "-0.0, -0.0",
      "1e-05, 1e-05",
      "0.1, 0.1",
      "1e16, 1e+16",
      "1234567890123456.0, 1234567890123456.0",
      "5e-324, 5e-324",
      "1.7976931348623157e308, 1.7976931348623157e+308",
      "0.0001, 0.0001",
      "2.13665300865395, 2.13665300865395",
      "100.0, 100.0",
      "1e22, 1e+22",
      "123456789.123, 123456789.123",
      "0.6666666666666666, 0.6666666666666666",
      "-2.5e-7, -2.5e-07",
      "9.999999999999999e15, 1e+16",
      "0.00011, 0.00011",
      "12345678901234567890.0, 1.2345678901234567e+19",
      "2.2250738585072014e-308, 2.2250738585072014e-308",
      "0.30000000000000004, 0.30000000000000004",
  })
  void formatsLikePythonRepr(double value, String expected) {
    assertEquals(expected, PythonFloat.repr(value));
  }

  @ParameterizedTest
  @CsvSource({"NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity"})
  void writesNonFiniteJsonTokensAsPythonJsonDoes(double value, String expected) {
    assertEquals(expected, PythonFloat.json(value));
  }

  @ParameterizedTest
  @CsvSource({"0.1", "1e-300", "4.9e-324", "123.456", "6.02214076e23", "-7.5"})
  void readsBackToTheSameDouble(double value) {
    assertEquals(value, Double.parseDouble(PythonFloat.repr(value)));
  }
}
