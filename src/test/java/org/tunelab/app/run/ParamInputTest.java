package org.tunelab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

/** Parameters typed to enqueue a trial, checked against their distributions. */
class ParamInputTest {
  private final Map<String, Distribution> space = Map.of("lr", FloatDistribution.log(1e-5, 1e-1),
      "layers", IntDistribution.of(1, 8), "act", CategoricalDistribution.of("relu", "tanh"));

  private static Map<String, String> texts(String lr, String layers, String act) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lr", lr);
    m.put("layers", layers);
    m.put("act", act);
    return m;
  }

  @Test
  void valuesInTheirDistributionsAreParsed() {
    ParamInput.Result r = ParamInput.parse(texts("0.001", "3", "tanh"), space);
    assertTrue(r.isValid(), r.errors().toString());
    assertEquals(Map.of("lr", 0.001, "layers", 3L, "act", "tanh"), r.params());
  }

  @Test
  void eachBadValueSaysWhatIsWrong() {
    ParamInput.Result r = ParamInput.parse(texts("0.5", "three", "gelu"), space);
    assertEquals("0.5 is outside float [1e-05, 0.1] log", r.errors().get("lr"));
    assertTrue(r.errors().get("layers").startsWith("\"three\" is not a whole number"), r.errors().get("layers"));
    assertEquals("\"gelu\" is not one of [relu, tanh]", r.errors().get("act"));
  }

  @Test
  void theShownTextOfAValueReadsBackToIt() {
    for (Object v : new Object[] {1e-5, 3L, "relu"}) {
      String name = v instanceof Double ? "lr" : v instanceof Long ? "layers" : "act";
      assertEquals(v, ParamInput.parse(Map.of(name, ParamInput.text(v)), space).params().get(name));
    }
  }
}
