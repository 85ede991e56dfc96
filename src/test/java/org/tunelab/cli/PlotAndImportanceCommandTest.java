package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunelab.json.PythonJson;

/** {@code tunelab plot} and {@code tunelab importance} on Optuna-written files, in process. */
class PlotAndImportanceCommandTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  @TempDir Path dir;
  private String single;
  private String multi;

  @BeforeEach
  void copyFixtures() throws IOException {
    single = copy("single.db").toString();
    multi = copy("multi_objective.db").toString();
  }

  private Path copy(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/optuna-3.1/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @ParameterizedTest
  @ValueSource(strings = {"history", "importance", "slice", "contour", "parallel", "intermediate", "edf", "timeline", "rank"})
  void drawsEveryKindAsPng(String kind) throws IOException {
    Path out = dir.resolve(kind + ".png");
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("plot", single, "--study", "single", "--kind", kind, "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    byte[] bytes = Files.readAllBytes(out);
    assertArrayEquals(PNG, java.util.Arrays.copyOf(bytes, 4));
    assertTrue(bytes.length > 8000, kind + ": " + bytes.length + " bytes");
  }

  @Test
  void drawsTheParetoFrontAsSvg() throws IOException {
    Path out = dir.resolve("sub/pareto.svg");
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("plot", multi, "--study", "mo2", "--kind", "pareto", "--out", out.toString(),
        "--theme", "dark");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(out).contains("<svg"));
  }

  @Test
  void paretoOfASingleObjectiveStudyIsARuntimeErrorWithAReason() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("plot", single, "--study", "single", "--kind", "pareto", "--out",
        dir.resolve("p.png").toString());
    assertEquals(ExitCode.RUNTIME, r.code());
    assertTrue(r.err().contains("needs 2 or 3 objectives"), r.err());
  }

  @Test
  void unknownKindAndExtensionAreUsageErrors() {
    assertEquals(ExitCode.USAGE, TuneLabCliTest.tunelab("plot", single, "--study", "single", "--kind", "pie", "--out",
        dir.resolve("p.png").toString()).code());
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("plot", single, "--study", "single", "--kind", "history", "--out",
        dir.resolve("p.jpg").toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains(".png or .svg"), r.err());
  }

  @Test
  void importanceJsonIsAnObjectInDescendingOrderSummingToOne() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("importance", single, "--study", "single", "--format", "json");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> imp = PythonJson.readObject(r.out().trim());
    List<Double> values = new ArrayList<>();
    imp.values().forEach(v -> values.add(((Number) v).doubleValue()));
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, values);
    assertEquals(1.0, values.stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertEquals(11, imp.size());
  }

  @Test
  void importanceTableWithPedAnovaOfTheSecondObjective() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("importance", multi, "--study", "mo2", "--evaluator", "ped-anova",
        "--objective", "1");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("param", lines.get(0).split("\\s+")[0]);
    assertEquals(3, lines.size());
  }

  @Test
  void importanceRejectsAnUnknownEvaluator() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("importance", single, "--study", "single", "--evaluator", "shap");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("fanova or ped-anova"), r.err());
  }
}
