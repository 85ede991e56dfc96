package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.StudyDirection;

class SpecReaderTest {
  private static final Path STUDY = Path.of("study.yaml");

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleSpecParses(Path sample) {
    StudySpec spec = SpecReader.read(sample);
    assertEquals(sample, spec.source());
    assertTrue(spec.space().size() > 0);
  }

  @Test
  void samplesDirectoryHoldsAtLeastThreeSpecs() throws IOException {
    assertTrue(samples().count() >= 3);
  }

  @Test
  void readsEveryKeyOfTheDocumentedFormat() {
    StudySpec spec = SpecReader.parse("""
        name: full
        storage: sqlite:///studies.db
        storage_schema: v3.0.0.d
        directions: [minimize, maximize]
        sampler: {type: grid, seed: 42, points: 3}
        pruner: {type: none}
        space:
          x: {type: float, low: -5, high: 10}
          lr: {type: float, low: 1.0e-5, high: 1.0e-1, log: true}
          dropout: {type: float, low: 0, high: 0.5, step: 0.1}
          layers: {type: int, low: 1, high: 4}
          units: {type: int, low: 8, high: 512, log: true}
          batch: {type: int, low: 16, high: 128, step: 16}
          optimizer: {type: categorical, choices: [sgd, adam]}
          momentum: {type: float, low: 0.0, high: 0.99, when: {optimizer: sgd}}
        objective: {command: "python3 train.py --lr {lr}", workdir: ., timeout: 10m}
        trials: 100
        timeout: 1h30m
        workers: 4
        enqueue:
          - {x: 1.5, optimizer: adam}
        executors: [{type: local, slots: 2, gpus: [0, 1]}]
        """, STUDY);
    assertEquals("full", spec.name());
    assertEquals("sqlite:///studies.db", spec.storage());
    assertEquals("v3.0.0.d", spec.storageSchema());
    assertEquals(List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE), spec.directions());
    assertEquals(new SamplerSpec("grid", 42L, 3, null, null), spec.sampler());
    assertEquals(PrunerSpec.none(), spec.pruner());
    assertEquals(FloatDistribution.of(-5, 10), spec.space().param("x").distribution());
    assertEquals(FloatDistribution.log(1e-5, 1e-1), spec.space().param("lr").distribution());
    assertEquals(FloatDistribution.stepped(0, 0.5, 0.1), spec.space().param("dropout").distribution());
    assertEquals(IntDistribution.of(1, 4), spec.space().param("layers").distribution());
    assertEquals(IntDistribution.log(8, 512), spec.space().param("units").distribution());
    assertEquals(IntDistribution.stepped(16, 128, 16), spec.space().param("batch").distribution());
    assertEquals(CategoricalDistribution.of("sgd", "adam"), spec.space().param("optimizer").distribution());
    assertEquals(Condition.when("optimizer", "sgd"), spec.space().param("momentum").condition());
    assertEquals(new ObjectiveSpec.Command("python3 train.py --lr {lr}", ".", Duration.ofMinutes(10)), spec.objective());
    assertEquals(100, spec.trials());
    assertEquals(Duration.ofMinutes(90), spec.timeout());
    assertEquals(4, spec.workers());
    assertEquals(List.of(Map.of("x", 1.5, "optimizer", "adam")), spec.enqueue());
    assertEquals(List.of(Map.of("type", "local", "slots", 2L, "gpus", List.of(0L, 1L))), spec.executors());
    assertEquals(new ExecutorSpec(2, List.of("0", "1"), 1, null), ExecutorSpec.of(spec));
  }

  @Test
  void reportsLogScaleWithZeroLowAtItsLineAndField() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: bad
        directions: [minimize]
        space:
          x: {type: float, low: -5, high: 10}
          lr:
            type: float
            low: 0.0
            high: 0.1
            log: true
        objective: {builtin: sphere}
        """, STUDY));
    assertEquals("study.yaml:7: space.lr.low: must be > 0 for a log scale, got 0.0", e.getMessage());
  }

  @Test
  void reportsUnknownKeyWithDidYouMeanHint() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: typo
        space:
          x: {type: float, lwo: 0, high: 1}
        objective: {builtin: sphere}
        trails: 10
        """, STUDY));
    assertEquals(List.of(
        "study.yaml:3: space.x.lwo: unknown key; did you mean 'low'? (allowed: type, low, high, step, log, choices, when)",
        "study.yaml:3: space.x: needs low",
        "study.yaml:5: trails: unknown key; did you mean 'trials'? (allowed: name, storage, storage_schema,"
            + " direction, directions, sampler, pruner, space, objective, trials, timeout, workers, enqueue, executors)"),
        messages(e));
  }

  @Test
  void collectsEveryProblemOfAFileOrderedByLine() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: many
        directions: [minimise]
        space:
          n: {type: int, low: 1.5, high: 4}
          c: {type: categorical, choices: []}
        objective: {builtin: sphere}
        workers: 0
        """, STUDY));
    assertEquals(List.of(2, 4, 5, 7), e.problems().stream().map(SpecProblem::line).toList());
    assertEquals("study.yaml:2: directions: must be minimize or maximize, got \"minimise\"; did you mean 'minimize'?",
        e.problems().get(0).toString());
    assertEquals("space.n.low", e.problems().get(1).field());
  }

  @Test
  void readsNsga3SettingsAndRefusesItsDividingParameterForOtherSamplers() {
    assertEquals(new SamplerSpec("nsga3", 42L, null, null, null, null, null, null, 60, "sbx", 4),
        SpecReader.parse(minimal("sampler: {type: nsga3, seed: 42, popsize: 60, crossover: sbx, dividing_parameter: 4}"),
            STUDY).sampler());
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: nsga2, dividing_parameter: 4}"), STUDY));
    assertEquals("study.yaml:6: sampler.dividing_parameter: is only used by the nsga3 sampler", e.getMessage());
    e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("sampler: {type: tpe, crossover: sbx}"), STUDY));
    assertEquals("study.yaml:6: sampler.crossover: is only used by the nsga2 and nsga3 samplers", e.getMessage());
  }

  @Test
  void readsGpCmaesAndNsga2Settings() {
    assertEquals(new SamplerSpec("gp", 1L, null, null, null, "ucb", null, null, null, null),
        SpecReader.parse(minimal("sampler: {type: gp, seed: 1, acquisition: ucb}"), STUDY).sampler());
    assertEquals(new SamplerSpec("cmaes", null, null, null, null, null, "ipop", true, 12, null),
        SpecReader.parse(minimal("sampler: {type: cmaes, restart: ipop, separable: true, popsize: 12}"), STUDY).sampler());
    assertEquals(new SamplerSpec("nsga2", null, null, null, null, null, null, null, 40, "sbx"),
        SpecReader.parse(minimal("sampler: {type: nsga2, popsize: 40, crossover: sbx}"), STUDY).sampler());
    assertEquals(SamplerSpec.of("auto", null), SpecReader.parse(minimal("sampler: auto"), STUDY).sampler());
  }

  @Test
  void nsga3SpecRoundTripsAndBuildsAnNsga3SamplerWithItsSettings() {
    StudySpec spec = SpecReader.parse(minimal("sampler: {type: nsga3, seed: 5, popsize: 20, dividing_parameter: 6}"), STUDY);
    assertEquals(spec, SpecReader.parse(SpecWriter.write(spec), STUDY));
    Map<String, Object> settings = SpecFactory.sampler(spec).settings();
    assertEquals("nsga3", settings.get("type"));
    assertEquals(5L, settings.get("seed"));
    assertEquals(20, settings.get("population_size"));
    assertEquals(6, settings.get("dividing_parameter"));
  }

  @Test
  void gpMultiObjectiveSpecRoundTripsAndBuildsAGpWithThatMethod() {
    StudySpec spec = SpecReader.parse(minimal("sampler: {type: gp, seed: 3, multi_objective: parego}"), STUDY);
    assertEquals(new SamplerSpec("gp", 3L, null, null, null, null, null, null, null, null, null, "parego"), spec.sampler());
    assertEquals(spec, SpecReader.parse(SpecWriter.write(spec), STUDY));
    assertEquals("parego", SpecFactory.sampler(spec).settings().get("multi_objective"));
    StudySpec plain = SpecReader.parse(minimal("sampler: {type: gp, seed: 3}"), STUDY);
    assertEquals("ehvi", SpecFactory.sampler(plain).settings().get("multi_objective"));
  }

  @Test
  void gpTrustRegionSpecRoundTripsAndSwitchesTheRegionOff() {
    StudySpec spec = SpecReader.parse(minimal("sampler: {type: gp, seed: 3, trust_region: false}"), STUDY);
    assertEquals(Boolean.FALSE, spec.sampler().trustRegion());
    assertEquals(spec, SpecReader.parse(SpecWriter.write(spec), STUDY));
    assertEquals(false, SpecFactory.sampler(spec).settings().get("trust_region"));
    StudySpec plain = SpecReader.parse(minimal("sampler: {type: gp, seed: 3}"), STUDY);
    assertEquals(true, SpecFactory.sampler(plain).settings().get("trust_region"));
  }

  @Test
  void refusesAMisplacedOrNonBooleanTrustRegionWithItsLine() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: tpe, trust_region: true}"), STUDY));
    assertEquals("study.yaml:6: sampler.trust_region: is only used by the gp sampler", e.getMessage());
    e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("sampler: {type: gp, trust_region: maybe}"), STUDY));
    assertTrue(e.getMessage().startsWith("study.yaml:6: sampler.trust_region: "), e.getMessage());
  }

  @Test
  void refusesAnUnknownOrMisplacedMultiObjectiveMethodWithItsLine() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: gp, multi_objective: ehvii}"), STUDY));
    assertEquals("study.yaml:6: sampler.multi_objective: must be one of ehvi, parego, got \"ehvii\"; did you mean 'ehvi'?",
        e.getMessage());
    e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("sampler: {type: tpe, multi_objective: ehvi}"), STUDY));
    assertEquals("study.yaml:6: sampler.multi_objective: is only used by the gp sampler", e.getMessage());
    IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
        () -> new SamplerSpec("gp", null, null, null, null, null, null, null, null, null, null, "moead"));
    assertEquals("multi_objective must be one of ehvi, parego, got moead", direct.getMessage());
  }

  @Test
  void refusesSamplerSettingsOfAnotherTypeOrUnknownValuesWithTheirLine() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: tpe, acquisition: ucb}"), STUDY));
    assertEquals("study.yaml:6: sampler.acquisition: is only used by the gp sampler", e.getMessage());
    e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("sampler: {type: nsga2, crossover: sbxx}"), STUDY));
    assertEquals("study.yaml:6: sampler.crossover: must be one of uniform, sbx, blx-alpha, got \"sbxx\"; did you mean 'sbx'?",
        e.getMessage());
  }

  @Test
  void aConditionOnAnInvalidParameterIsNotASecondProblem() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: s
        space:
          opt: {type: categorical, choices: []}
          momentum: {type: float, low: 0, high: 1, when: {opt: sgd}}
        objective: {builtin: sphere}
        """, STUDY));
    assertEquals(List.of("study.yaml:3: space.opt.choices: must hold at least one value"), messages(e));
  }

  @Test
  void readsTpeAndQmcSettings() {
    assertEquals(new SamplerSpec("tpe", 42L, null, true, null),
        SpecReader.parse(minimal("sampler: {type: tpe, seed: 42, multivariate: true}"), STUDY).sampler());
    assertEquals(new SamplerSpec("qmc", null, null, null, "halton"),
        SpecReader.parse(minimal("sampler: {type: qmc, sequence: halton}"), STUDY).sampler());
  }

  @Test
  void refusesASettingOfAnotherSampler() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: random, multivariate: true}"), STUDY));
    assertEquals("study.yaml:6: sampler.multivariate: is only used by the tpe sampler", e.getMessage());
    SpecException seq = assertThrows(SpecException.class,
        () -> SpecReader.parse(minimal("sampler: {type: qmc, sequence: latin}"), STUDY));
    assertTrue(seq.getMessage().endsWith("sampler.sequence: must be one of sobol, halton, got \"latin\""), seq.getMessage());
  }

  @Test
  void usesTpeWhenTheSpecNamesNoSampler() {
    StudySpec spec = SpecReader.parse(minimal(""), STUDY);
    assertNull(spec.sampler());
    assertEquals("tpe", spec.samplerOrDefault().type());
  }

  @Test
  void readsPrunerSettingsWithAWrappedPruner() {
    StudySpec spec = SpecReader.parse(minimal("pruner: {type: patient, patience: 3, wrapped: {type: median, n_warmup_steps: 2}}"),
        STUDY);
    assertEquals(new PrunerSpec("patient", Map.of("patience", 3L, "wrapped", Map.of("type", "median", "n_warmup_steps", 2L))),
        spec.pruner());
    assertEquals(new org.tunelab.pruner.PatientPruner(org.tunelab.pruner.PercentilePruner.median(5, 2, 1, 1), 3, 0.0),
        spec.pruner().toPruner());
  }

  @Test
  void reportsPrunerSettingsThatDoNotFitAtTheirLine() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("""
        pruner:
          type: asha
          reduction_factor: 1
          n_warmup_steps: 3
        objective: {command: "x {x}", metric: {regex: "acc=(["}, retries: -1}
        executors: [{type: local, slots: 0, gpus_per_trial: 2, gpus: [0]}]""").replace("objective: {builtin: sphere}\n", ""),
        STUDY));
    assertEquals(List.of(
        "study.yaml:7: pruner.reduction_factor: must be >= 2, got 1",
        "study.yaml:8: pruner.n_warmup_steps: is not a setting of the asha pruner (settings: min_resource,"
            + " reduction_factor, min_early_stopping_rate, bootstrap_count)",
        "study.yaml:9: objective.metric: regex is not a valid regular expression: Unclosed character class near index 5",
        "study.yaml:9: objective.retries: must be >= 0, got -1",
        "study.yaml:10: executors[0].slots: must be >= 1, got 0",
        "study.yaml:10: executors[0].gpus_per_trial: is 2 but only 1 GPU(s) are listed in gpus"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void refusesUnknownPrunerWithAHint() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("pruner: {type: medain}"), STUDY));
    assertEquals("study.yaml:6: pruner.type: unknown pruner 'medain'; did you mean 'median'?; available: none, median,"
        + " percentile, asha, successive_halving, hyperband, threshold, patient, wilcoxon", e.getMessage());
  }

  @Test
  void acceptsShortSamplerForm() {
    assertEquals(SamplerSpec.of("random", null), SpecReader.parse(minimal("sampler: random"), STUDY).sampler());
  }

  @Test
  void resolvesScalarsByYaml12SoExponentsAreNumbersAndNoStaysAString() {
    StudySpec spec = SpecReader.parse("""
        name: scalars
        space:
          lr: {type: float, low: 1e-5, high: 1e-1, log: true}
          answer: {type: categorical, choices: [no, yes, "1", 1, 2.5, true, null]}
        objective: {builtin: sphere}
        """, STUDY);
    assertEquals(FloatDistribution.log(1e-5, 1e-1), spec.space().param("lr").distribution());
    assertEquals(Arrays.asList("no", "yes", "1", 1L, 2.5, true, null),
        ((CategoricalDistribution) spec.space().param("answer").distribution()).choices());
  }

  @Test
  void reportsBuiltinMissingAParameterItNeeds() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: b
        space:
          x: {type: float, low: -5, high: 10}
        objective: {builtin: branin}
        """, STUDY));
    assertEquals("study.yaml:4: objective.builtin: branin needs parameter(s) y in the space; the space has x",
        e.getMessage());
  }

  @Test
  void reportsConditionOnAParameterDefinedLater() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: c
        space:
          momentum: {type: float, low: 0, high: 1, when: {optimizer: sgd}}
          optimizer: {type: categorical, choices: [sgd, adam]}
        objective: {builtin: sphere}
        """, STUDY));
    assertEquals("study.yaml:3: space.momentum.when.optimizer: parameter 'optimizer' must be defined above this one",
        e.getMessage());
  }

  @Test
  void reportsEnqueuedValueOutsideItsRange() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("enqueue:\n  - {x: 20}"), STUDY));
    assertEquals("study.yaml:7: enqueue[0].x: 20 is not in float [-5.0, 10.0]", e.getMessage());
  }

  @Test
  void reportsMissingFileAndInvalidYaml(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(missing + ": no such file", assertThrows(SpecException.class, () -> SpecReader.read(missing)).getMessage());
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: x\nspace: {x: [\n");
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(broken));
    assertTrue(e.getMessage().startsWith(broken + ":3: not valid YAML"), e.getMessage());
  }

  @Test
  void reportsDuplicateKeysWithBothLines() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(minimal("trials: 5\ntrials: 6"), STUDY));
    assertEquals("study.yaml:7: trials: is given twice (first on line 6)", e.getMessage());
  }

  @Test
  void readsBuiltinObjectiveAndDurations() {
    StudySpec spec = SpecReader.parse(minimal("timeout: 45s"), STUDY);
    assertInstanceOf(ObjectiveSpec.Builtin.class, spec.objective());
    assertEquals(Duration.ofSeconds(45), spec.timeout());
  }

  /** A valid spec; {@code extra} lands on line 6. */
  static String minimal(String extra) {
    return """
        name: minimal
        directions: [minimize]
        space:
          x: {type: float, low: -5, high: 10}
        objective: {builtin: sphere}
        """ + extra + "\n";
  }

  private static List<String> messages(SpecException e) {
    return e.problems().stream().map(SpecProblem::toString).toList();
  }
}
