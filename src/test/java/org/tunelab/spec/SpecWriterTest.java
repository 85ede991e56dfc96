package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.StudyDirection;

class SpecWriterTest {

  static java.util.stream.Stream<Path> samples() throws java.io.IOException {
    return SpecReaderTest.samples();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleRoundTrips(Path sample) {
    StudySpec spec = SpecReader.read(sample);
    assertEquals(spec, SpecReader.parse(SpecWriter.write(spec), sample));
  }

  @Test
  void specWithEveryFeatureRoundTrips() {
    SearchSpace space = SearchSpace.of(
        Param.of("lr", FloatDistribution.log(1e-5, 0.1)),
        Param.of("dropout", FloatDistribution.stepped(0.0, 0.5, 0.1)),
        Param.of("units", IntDistribution.log(8, 512)),
        Param.of("batch", IntDistribution.stepped(16, 128, 16)),
        Param.of("choice", new CategoricalDistribution(Arrays.asList("no", "1", 1L, 2.5, true, null, "a: b", "ü名"))),
        new Param("momentum", FloatDistribution.of(0, 0.99), Condition.when("choice", "no", 1L)),
        Param.of("with space", FloatDistribution.of(-1e20, 1e20)));
    StudySpec spec = new StudySpec(Path.of("x.yaml"), "every feature: \"quoted\"", "sqlite:////tmp/a b.db", "v3.0.0.d",
        List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE), new SamplerSpec("grid", 3L, 4, null, null),
        new PrunerSpec("threshold", Map.of("lower", 0.5, "n_warmup_steps", 2L)),
        space, new ObjectiveSpec.Command("python3 'my script.py' --lr {lr} --json '{\"a\": 1}'", "sub dir",
            Duration.ofSeconds(90), Map.of("OMP_NUM_THREADS", "1", "NAME", "a b"),
            new ObjectiveSpec.Metric("val_acc=([0-9.]+)", "epoch=(\\d+)"), Duration.ofSeconds(5), 2),
        7, Duration.ofHours(2), 3, List.of(Map.of("lr", 0.001, "choice", "no")),
        List.of(Map.of("type", "local", "slots", 2L, "gpus", List.of("0", "1"))));
    String yaml = SpecWriter.write(spec);
    assertEquals(spec, SpecReader.parse(yaml, Path.of("x.yaml")), yaml);
  }

  @Test
  void writesFloatsThatYaml11ReadersAlsoTakeForNumbers() {
    assertEquals("1.0e-05", SpecWriter.number(1e-5));
    assertEquals("-5.0", SpecWriter.number(-5));
    assertEquals(".inf", SpecWriter.number(Double.POSITIVE_INFINITY));
    assertEquals("1.0e+20", SpecWriter.number(1e20));
  }

  @Test
  void quotesStringsAnotherReaderCouldMistakeForOtherValues() {
    assertEquals("\"no\"", SpecWriter.string("no"));
    assertEquals("\"1e3\"", SpecWriter.string("1e3"));
    assertEquals("\"null\"", SpecWriter.string("null"));
    assertEquals("adam", SpecWriter.string("adam"));
  }
}
