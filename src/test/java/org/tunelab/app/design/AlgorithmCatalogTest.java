package org.tunelab.app.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.PrunerSpec;
import org.tunelab.spec.SamplerSpec;

/** Every sampler and pruner the spec format knows is offered, explained, and its settings are ones the reader accepts. */
class AlgorithmCatalogTest {
  private static final SearchSpace SPACE = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));

  static List<String> samplers() {
    return SamplerSpec.AVAILABLE;
  }

  static List<String> pruners() {
    return PrunerSpec.AVAILABLE;
  }

  private static String sample(AlgorithmSetting s) {
    return switch (s.kind()) {
      case INTEGER -> s.key().equals("popsize") || s.key().equals("points") ? "6" : "3";
      case NUMBER -> s.key().equals("upper") ? "10.5" : "0.05";
      case INTEGER_OR_AUTO -> s.key().equals("max_resource") ? "auto" : "2";
      case CHOICE, BOOLEAN -> s.choices().get(s.choices().size() - 1);
      case PRUNER -> "{type: median, n_startup_trials: 2}";
    };
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void everySamplerSettingTheFormOffersIsAcceptedBySpecReader(String type) {
    assertFalse(AlgorithmCatalog.samplerExplanation(type).isEmpty());
    Map<String, String> settings = new LinkedHashMap<>();
    AlgorithmCatalog.samplerSettings(type).forEach(s -> settings.put(s.key(), sample(s)));
    DesignForm f = DesignForm.empty();
    DesignForm form = new DesignForm("s", "", f.directions(), "builtin", "sphere", "", ".", "", "", "", "", type,
        settings, "none", Map.of(), "", "", List.of(), "10", "", "1");
    SpecAssembler.Assembly a = SpecAssembler.assemble(form, SPACE, null, null);
    assertEquals(List.of(), a.problems());
    assertEquals(type, a.spec().sampler().type());
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void everyPrunerSettingTheFormOffersIsAcceptedBySpecReader(String type) {
    assertFalse(AlgorithmCatalog.prunerExplanation(type).isEmpty());
    Map<String, String> settings = new LinkedHashMap<>();
    AlgorithmCatalog.prunerSettings(type).forEach(s -> settings.put(s.key(), sample(s)));
    DesignForm f = DesignForm.empty();
    DesignForm form = new DesignForm("p", "", f.directions(), "builtin", "sphere", "", ".", "", "", "", "", "tpe",
        Map.of(), type, settings, "", "", List.of(), "10", "", "1");
    SpecAssembler.Assembly a = SpecAssembler.assemble(form, SPACE, null, null);
    assertEquals(List.of(), a.problems());
    assertEquals(settings.keySet(), a.spec().pruner().settings().keySet());
  }
}
