package org.tunelab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {

  static Stream<Arguments> invalidDefinitions() {
    return Stream.of(
        Arguments.of((Supplier<?>) () -> FloatDistribution.of(3.0, 1.0), "low must be <= high, got low=3.0 high=1.0"),
        Arguments.of((Supplier<?>) () -> FloatDistribution.log(0.0, 1.0), "low must be > 0 for a log scale, got low=0.0"),
        Arguments.of((Supplier<?>) () -> new FloatDistribution(0, 1, 0.1, true), "step and log cannot be used together"),
        Arguments.of((Supplier<?>) () -> FloatDistribution.stepped(0, 1, -0.5), "step must be > 0, got step=-0.5"),
        Arguments.of((Supplier<?>) () -> FloatDistribution.of(0, Double.POSITIVE_INFINITY), "low and high must be finite"),
        Arguments.of((Supplier<?>) () -> IntDistribution.of(5, 1), "low must be <= high, got low=5 high=1"),
        Arguments.of((Supplier<?>) () -> IntDistribution.log(0, 10), "low must be >= 1 for a log scale, got low=0"),
        Arguments.of((Supplier<?>) () -> new IntDistribution(1, 10, 2, true), "step must be 1 for a log scale, got step=2"),
        Arguments.of((Supplier<?>) () -> IntDistribution.stepped(0, 10, 0), "step must be >= 1, got step=0"),
        Arguments.of((Supplier<?>) () -> CategoricalDistribution.of(), "choices must contain at least one value"),
        Arguments.of((Supplier<?>) () -> CategoricalDistribution.of(new Object()), "a choice must be a string, number"));
  }

  @ParameterizedTest
  @MethodSource("invalidDefinitions")
  void rejectsInvalidDefinitionsSayingWhatIsWrong(Supplier<?> definition, String message) {
    InvalidDistributionException e = assertThrows(InvalidDistributionException.class, definition::get);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void lowersHighOntoTheStepGridAsOptunaDoes() {
    assertEquals(0.9, FloatDistribution.stepped(0.0, 1.0, 0.3).high());
    assertEquals(0.5, FloatDistribution.stepped(0.0, 0.5, 0.1).high());
    assertEquals(9, IntDistribution.stepped(1, 10, 2).high());
    assertEquals(128, IntDistribution.stepped(16, 128, 16).high());
  }

  @Test
  void containsChecksBoundsAndStepGrid() {
    FloatDistribution dropout = FloatDistribution.stepped(0.0, 0.5, 0.1);
    assertTrue(dropout.contains(0.30000000000000004));
    assertFalse(dropout.contains(0.25));
    assertFalse(dropout.contains(0.6));
    IntDistribution batch = IntDistribution.stepped(16, 128, 16);
    assertTrue(batch.contains(48));
    assertFalse(batch.contains(50));
    assertFalse(FloatDistribution.of(0, 1).contains(Double.NaN));
  }

  @Test
  void convertsCategoricalValuesToIndicesAndBack() {
    CategoricalDistribution c = new CategoricalDistribution(Arrays.asList("adam", "sgd", null, 3, 2.5, true));
    assertEquals(2.0, c.toInternal(null));
    assertEquals(3.0, c.toInternal(3));
    assertEquals(3L, c.toExternal(3.0));
    assertEquals(Boolean.TRUE, c.toExternal(5.0));
    assertThrows(InvalidDistributionException.class, () -> c.toInternal("rmsprop"));
  }

  @Test
  void comparesChoicesAsPythonDoesSoOneEqualsOnePointZero() {
    assertTrue(CategoricalDistribution.of(1, 2).sameChoices(CategoricalDistribution.of(1.0, 2.0)));
    assertFalse(CategoricalDistribution.of("1", 2).sameChoices(CategoricalDistribution.of(1, 2)));
  }

  @Test
  void convertsIntsToLongsAndRefusesFractions() {
    IntDistribution layers = IntDistribution.of(1, 4);
    assertEquals(3L, layers.toExternal(3.0));
    assertEquals(2.0, layers.toInternal(2));
    assertThrows(InvalidDistributionException.class, () -> layers.toInternal(2.5));
    assertThrows(InvalidDistributionException.class, () -> FloatDistribution.of(0, 1).toInternal("0.5"));
  }

  @Test
  void recognisesSingleValueDistributions() {
    assertTrue(FloatDistribution.of(1, 1).isSingle());
    assertTrue(FloatDistribution.stepped(0, 0.05, 0.1).isSingle());
    assertTrue(IntDistribution.stepped(0, 1, 2).isSingle());
    assertTrue(CategoricalDistribution.of("only").isSingle());
    assertFalse(IntDistribution.of(0, 1).isSingle());
  }
}
