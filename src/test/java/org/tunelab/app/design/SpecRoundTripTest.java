package org.tunelab.app.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;

/** Every spec opened in the designer and saved again reads back to an equal spec. */
class SpecRoundTripTest {
  @TempDir Path dir;

  static Stream<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).map(Path::toString).sorted().toList().stream();
    }
  }

  static List<String> inlineSpecs() {
    return List.of("""
        name: hosts
        storage: sqlite:///runs/x.db
        storage_schema: v3.0.0.d
        directions: [maximize]
        sampler: {type: cmaes, seed: 3, restart: ipop, separable: true, popsize: 12}
        pruner: {type: patient, patience: 3, min_delta: 0.5, wrapped: {type: median, n_startup_trials: 2}}
        space:
          x: {type: float, low: 0, high: 1}
          n: {type: int, low: 1, high: 64, log: true}
        objective:
          command: "python3 train.py --x {x} --n {n} '{\\"json\\": 1}'"
          workdir: code
          timeout: 1h30m
          env: {OMP_NUM_THREADS: "4", MODE: fast}
          metric: {regex: 'val=([0-9.]+)', step: 'epoch=(\\d+)'}
          grace: 5s
          retries: 2
        trials: 40
        timeout: 2h
        workers: 3
        enqueue:
          - {x: 0.5, n: 8}
        executors:
          - type: ssh
            host: gpu1
            port: 2222
            user: alice
            key: keys/id_ed25519
            known_hosts: ~/kh
            jump: bastion
            workdir: ~/runs
            setup: source ~/venv/bin/activate
            env: {OMP_NUM_THREADS: 4}
            slots: 4
            gpus: [0, 1, 2, 3]
            max_file_mb: 10
          - {type: local, slots: 1, gpus: ["0"], gpus_per_trial: 1, heartbeat: 5s}
          - {type: ssh, host: gpu2}
        """, """
        name: multi
        directions: [minimize, maximize]
        sampler: {type: nsga2, popsize: 20, crossover: sbx}
        pruner: {type: threshold, upper: 10.5}
        space:
          a: {type: categorical, choices: [x, "no", 1]}
          b: {type: float, low: 1.0e-5, high: 0.1, log: true}
        objective: {command: "./run.sh {a} {b}"}
        """, """
        name: asha
        sampler: {type: qmc, sequence: halton}
        pruner: {type: asha, min_resource: auto, reduction_factor: 3}
        space: {x: {type: int, low: 0, high: 10, step: 2}}
        objective: {command: "prog {x}", metric: 'loss: (\\S+)'}
        """, """
        name: hb
        sampler: {type: gp, acquisition: ucb, multi_objective: parego, trust_region: false}
        pruner: {type: percentile, percentile: 25, n_warmup_steps: 2}
        space: {x: {type: float, low: -1, high: 1, step: 0.25}}
        objective: {command: "prog {x}"}
        """);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aSampleSpecSurvivesOpenAndSave(String sample) throws IOException {
    assertSurvives(SpecReader.read(Path.of(sample)));
  }

  @ParameterizedTest
  @MethodSource("inlineSpecs")
  void aSpecWithEveryKindOfSettingSurvivesOpenAndSave(String yaml) throws IOException {
    Path file = dir.resolve("in.yaml");
    Files.writeString(file, yaml);
    assertSurvives(SpecReader.read(file));
  }

  private void assertSurvives(StudySpec opened) throws IOException {
    DesignForm form = DesignForms.fromSpec(opened);
    SpecAssembler.Assembly assembly = SpecAssembler.assemble(form, opened.space(), opened, opened.source());
    assertEquals(List.of(), assembly.problems());
    assertEquals(opened, assembly.spec());
    Path saved = dir.resolve("saved.yaml");
    SpecWriter.write(assembly.spec(), saved);
    assertEquals(opened.withSource(null), SpecReader.read(saved).withSource(null));
  }
}
