package org.tunelab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionJsonTest {

  /** Each string is what Optuna 3.1 and 4.9 wrote for the same distribution (see optuna-storage.md). */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 0.0, \"high\": 1.0, \"log\": false}}",
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": 0.25, \"low\": 0.0, \"high\": 1.0, \"log\": false}}",
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05, \"high\": 0.1, \"log\": true}}",
      "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": false, \"step\": 1, \"low\": 0, \"high\": 10}}",
      "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": true, \"step\": 1, \"low\": 1, \"high\": 1024}}",
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"adam\", \"sgd\", null, 3, 2.5, true]}}",
  })
  void writesTheBytesOptunaWrites(String optunaJson) {
    assertEquals(optunaJson, DistributionJson.toJson(DistributionJson.fromJson(optunaJson)));
  }

  @Test
  void readsLegacyDistributionNames() {
    assertEquals(FloatDistribution.of(0.0, 1.0), DistributionJson.fromJson(
        "{\"name\": \"UniformDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0}}"));
    assertEquals(FloatDistribution.log(0.001, 1.0), DistributionJson.fromJson(
        "{\"name\": \"LogUniformDistribution\", \"attributes\": {\"low\": 0.001, \"high\": 1.0}}"));
    assertEquals(FloatDistribution.stepped(0.0, 1.0, 0.1), DistributionJson.fromJson(
        "{\"name\": \"DiscreteUniformDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0, \"q\": 0.1}}"));
    assertEquals(IntDistribution.stepped(0, 10, 2), DistributionJson.fromJson(
        "{\"name\": \"IntUniformDistribution\", \"attributes\": {\"step\": 2, \"low\": 0, \"high\": 10}}"));
    assertEquals(IntDistribution.log(1, 100), DistributionJson.fromJson(
        "{\"name\": \"IntLogUniformDistribution\", \"attributes\": {\"step\": 1, \"low\": 1, \"high\": 100}}"));
  }

  @Test
  void readsTheAbbreviatedForm() {
    assertEquals(FloatDistribution.log(1e-3, 1), DistributionJson.fromJson(
        "{\"type\": \"float\", \"low\": 0.001, \"high\": 1, \"log\": true}"));
    assertEquals(IntDistribution.stepped(0, 8, 2), DistributionJson.fromJson(
        "{\"type\": \"int\", \"low\": 0, \"high\": 8, \"step\": 2}"));
    assertEquals(CategoricalDistribution.of("a", 1L), DistributionJson.fromJson(
        "{\"type\": \"categorical\", \"choices\": [\"a\", 1]}"));
  }

  @Test
  void keepsNegativeZeroAndInfinityInsideChoices() {
    CategoricalDistribution c = new CategoricalDistribution(
        Arrays.asList(null, Double.POSITIVE_INFINITY, -0.0, 1e-300, "NaN", "inf"));
    String json = DistributionJson.toJson(c);
    assertEquals("{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": "
        + "[null, Infinity, -0.0, 1e-300, \"NaN\", \"inf\"]}}", json);
    assertEquals(json, DistributionJson.toJson(DistributionJson.fromJson(json)));
  }

  @Test
  void explainsWhatIsWrongWithBadJson() {
    InvalidDistributionException unknown = assertThrows(InvalidDistributionException.class,
        () -> DistributionJson.fromJson("{\"name\": \"BetaDistribution\", \"attributes\": {}}"));
    assertTrue(unknown.getMessage().contains("unknown distribution name \"BetaDistribution\""), unknown.getMessage());
    InvalidDistributionException missing = assertThrows(InvalidDistributionException.class,
        () -> DistributionJson.fromJson("{\"name\": \"FloatDistribution\", \"attributes\": {\"high\": 1.0}}"));
    assertTrue(missing.getMessage().contains("\"low\" must be a number"), missing.getMessage());
    assertThrows(InvalidDistributionException.class, () -> DistributionJson.fromJson("not json"));
  }
}
