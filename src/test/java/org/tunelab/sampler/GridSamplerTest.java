package org.tunelab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.ObjectiveException;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.OptimizeResult;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

class GridSamplerTest {
  private final SearchSpace space = SearchSpace.of(
      Param.of("lr", FloatDistribution.log(1e-3, 1e-1)),
      Param.of("layers", IntDistribution.of(1, 3)),
      Param.of("opt", CategoricalDistribution.of("sgd", "adam")));

  @Test
  void visitsEveryPointOnceAndThenStops() {
    GridSampler grid = GridSampler.over(space, 3, 0);
    assertEquals(18, grid.size());
    Study study = Study.builder(new InMemoryStorage()).name("g").sampler(grid).build();
    OptimizeResult result = study.optimize(t -> 0.0, OptimizeOptions.trials(100).withSpace(space));
    assertEquals(OptimizeResult.StopReason.STOPPED, result.reason());
    assertEquals(18, result.trialsFinished());
    Set<Map<String, Object>> points = new HashSet<>();
    for (FrozenTrial t : study.trials()) points.add(t.params());
    assertEquals(18, points.size());
    Set<Object> lrs = new HashSet<>();
    points.forEach(p -> lrs.add(p.get("lr")));
    assertEquals(3, lrs.size());
    assertTrue(lrs.stream().anyMatch(v -> Math.abs((double) v - 0.01) < 1e-12), "log-spaced middle: " + lrs);
  }

  @Test
  void parallelWorkersShareTheGrid() {
    GridSampler grid = new GridSampler(Map.of("a", List.of(1, 2, 3, 4), "b", List.of("x", "y", "z")), 1);
    Study study = Study.builder(new InMemoryStorage()).name("g").sampler(grid).build();
    study.optimize(t -> {
      t.suggestInt("a", 1, 4);
      t.suggestCategorical("b", List.of("x", "y", "z"));
      Thread.sleep(3);
      return 0.0;
    }, OptimizeOptions.trials(12).withWorkers(3));
    Set<Map<String, Object>> points = new HashSet<>();
    study.trials().forEach(t -> points.add(t.params()));
    assertEquals(12, points.size());
  }

  @Test
  void recordsTheGridPointAsOptunaDoes() {
    GridSampler grid = new GridSampler(Map.of("a", List.of(1, 2)), 0);
    Study study = Study.builder(new InMemoryStorage()).name("g").sampler(grid).build();
    study.optimize(t -> (double) t.suggestInt("a", 1, 2), 2);
    for (FrozenTrial t : study.trials()) {
      long id = (Long) t.systemAttrs().get("grid_id");
      assertEquals(grid.pointOf(id).get("a"), ((Long) t.params().get("a")).intValue());
      assertEquals(Map.of("a", List.of(1L, 2L)), t.systemAttrs().get("search_space"));
    }
  }

  @Test
  void refusesAParameterOutsideTheGrid() {
    Study study = Study.builder(new InMemoryStorage()).name("g")
        .sampler(new GridSampler(Map.of("a", List.of(1)), 0)).build();
    ObjectiveException e = assertThrows(ObjectiveException.class,
        () -> study.optimize(t -> t.suggestFloat("b", 0, 1), 1));
    assertTrue(e.getCause().getMessage().contains("\"b\" is not in the grid"), e.getCause().getMessage());
  }
}
