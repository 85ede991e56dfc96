package org.tunelab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  private final SearchSpace space = SearchSpace.of(
      Param.of("optimizer", CategoricalDistribution.of("sgd", "adam", "rmsprop")),
      new Param("momentum", FloatDistribution.of(0, 0.99), Condition.when("optimizer", "sgd", "rmsprop")),
      new Param("nesterov", CategoricalDistribution.of(true, false), Condition.when("momentum", 0.9)),
      Param.of("lr", FloatDistribution.log(1e-5, 1e-1)));

  @Test
  void keepsDeclarationOrder() {
    assertEquals(List.of("optimizer", "momentum", "nesterov", "lr"), List.copyOf(space.names()));
  }

  @Test
  void activatesAConditionalParameterOnlyForItsParentValues() {
    assertTrue(space.isActive("momentum", Map.of("optimizer", "sgd")));
    assertTrue(space.isActive("momentum", Map.of("optimizer", "rmsprop")));
    assertFalse(space.isActive("momentum", Map.of("optimizer", "adam")));
    assertFalse(space.isActive("momentum", Map.of()));
    assertTrue(space.isActive("lr", Map.of()));
  }

  @Test
  void requiresTheWholeParentChainToBeActive() {
    assertTrue(space.isActive("nesterov", Map.of("optimizer", "sgd", "momentum", 0.9)));
    assertFalse(space.isActive("nesterov", Map.of("optimizer", "adam", "momentum", 0.9)));
  }

  @Test
  void rejectsAParentDeclaredLater() {
    InvalidDistributionException e = assertThrows(InvalidDistributionException.class, () -> SearchSpace.of(
        new Param("momentum", FloatDistribution.of(0, 1), Condition.when("optimizer", "sgd")),
        Param.of("optimizer", CategoricalDistribution.of("sgd"))));
    assertEquals("parameter \"momentum\" depends on \"optimizer\", which must be defined before it", e.getMessage());
  }

  @Test
  void rejectsAConditionValueTheParentCanNeverTake() {
    InvalidDistributionException e = assertThrows(InvalidDistributionException.class, () -> SearchSpace.of(
        Param.of("optimizer", CategoricalDistribution.of("sgd", "adam")),
        new Param("momentum", FloatDistribution.of(0, 1), Condition.when("optimizer", "adagrad"))));
    assertTrue(e.getMessage().contains("condition value adagrad can never be taken by \"optimizer\""), e.getMessage());
  }

  @Test
  void rejectsDuplicateNames() {
    assertThrows(InvalidDistributionException.class, () -> SearchSpace.of(
        Param.of("x", FloatDistribution.of(0, 1)), Param.of("x", FloatDistribution.of(0, 2))));
  }
}
