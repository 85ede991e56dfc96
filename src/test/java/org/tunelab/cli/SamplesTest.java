package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.spec.SpecReader;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * The samples run for real: every spec in {@code samples/} reads, and the scikit-learn and PyTorch
 * samples train for a few epochs under {@code tunelab run} with Debian's Python.
 */
class SamplesTest {
  private static final Path SAMPLES = Path.of("samples");
  /** Debian's interpreter, where python3-sklearn and python3-torch are installed. */
  private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  @TempDir Path dir;

  @Test
  void everySampleSpecReads() throws Exception {
    List<Path> specs;
    try (Stream<Path> files = Files.list(SAMPLES)) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(specs.size() >= 6, specs.toString());
    for (Path spec : specs) SpecReader.read(spec);
  }

  private static boolean imports(String module) throws Exception {
    Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** Runs a sample spec for a few short trials in a scratch copy of samples/. */
  private List<FrozenTrial> runSample(String spec, int trials, String extraArgs) throws Exception {
    for (String f : List.of(spec, "tunelab_report.py", spec.replace(".yaml", "") + "_mlp.py")) {
      Files.copy(SAMPLES.resolve(f), dir.resolve(f));
    }
    String text = Files.readString(dir.resolve(spec));
    text = text.replace("command: \"python3 ", "command: \"" + PYTHON + " ")
        .replaceFirst("(command: \"[^\"]*)\"", "$1 " + extraArgs + "\"");
    Files.writeString(dir.resolve(spec), text);
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"run", "--quiet", "--trials", String.valueOf(trials),
        dir.resolve(spec).toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    try (SqliteStorage s = SqliteStorage.openReadOnly(dir.resolve("studies.db"))) {
      return s.trials(s.studies().get(0).studyId());
    }
  }

  @Test
  void theShellSampleRunsWithoutPythonAndReportsTenEpochs() throws Exception {
    for (String f : List.of("shell.yaml", "train.sh")) Files.copy(SAMPLES.resolve(f), dir.resolve(f));
    String text = Files.readString(dir.resolve("shell.yaml"));
    // No sleeping between epochs in a test.
    Files.writeString(dir.resolve("shell.yaml"), text.replace("timeout: 1m}", "timeout: 1m, env: {TUNELAB_EPOCH_SECONDS: \"0\"}}"));
    StringWriter err = new StringWriter();
    int code = TuneLabCli.execute(new String[] {"run", "--quiet", "--trials", "3", dir.resolve("shell.yaml").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    try (SqliteStorage s = SqliteStorage.openReadOnly(dir.resolve("studies.db"))) {
      List<FrozenTrial> trials = s.trials(s.studies().get(0).studyId());
      assertEquals(3, trials.size());
      for (FrozenTrial t : trials) {
        assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs().get("fail_reason")));
        assertEquals(10, t.intermediateValues().size());
      }
    }
  }

  @Test
  void theScikitLearnSampleTrainsAndReportsEveryEpoch() throws Exception {
    assumeTrue(imports("sklearn"), "scikit-learn is not installed: apt-get install python3-sklearn");
    List<FrozenTrial> trials = runSample("sklearn.yaml", 3, "--epochs 4");
    assertEquals(3, trials.size());
    for (FrozenTrial t : trials) {
      assertTrue(t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED, t.systemAttrs().toString());
      assertEquals(List.of(0, 1, 2, 3), List.copyOf(t.intermediateValues().keySet()));
      assertTrue(t.value() > 0.1 && t.value() <= 1.0, "accuracy " + t.value());
      assertEquals(4L, t.userAttrs().get("epochs"));
    }
  }

  @Test
  void thePyTorchSampleTrainsOnTheCpu() throws Exception {
    assumeTrue(imports("torch"), "PyTorch is not installed (apt-get install python3-torch): skipping the torch sample");
    assumeTrue(imports("sklearn"), "the torch sample loads the digits from scikit-learn: apt-get install python3-sklearn");
    List<FrozenTrial> trials = runSample("torch.yaml", 2, "--epochs 3");
    assertEquals(2, trials.size());
    for (FrozenTrial t : trials) {
      assertEquals(TrialState.COMPLETE, t.state(), String.valueOf(t.systemAttrs().get("fail_reason")));
      assertEquals(3, t.intermediateValues().size());
      assertEquals("cpu", t.userAttrs().get("device"));
    }
  }
}
