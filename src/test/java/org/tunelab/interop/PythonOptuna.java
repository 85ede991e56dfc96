package org.tunelab.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Python scripts with Debian's Optuna 3.1 ({@code /usr/bin/python3}). Tests that need it skip
 * when Optuna is missing, unless the build sets {@code tunelab.requireOptuna=true} (CI does), in which
 * case they fail: the interoperability proof must not vanish silently.
 */
final class PythonOptuna {
  static final String PYTHON = "/usr/bin/python3";
  private static Boolean available;

  private PythonOptuna() {}

  static synchronized void assumeAvailable() {
    if (available == null) available = probe();
    if (available) return;
    String message = "Python Optuna is not installed (" + PYTHON + " -c 'import optuna' failed);"
        + " install python3-optuna to run the interoperability tests";
    if (Boolean.getBoolean("tunelab.requireOptuna")) fail(message + " (required: tunelab.requireOptuna=true)");
    Assumptions.assumeTrue(false, message);
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import optuna").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code script} with {@code args}; returns its stdout, failing the test with its stderr otherwise. */
  static String run(Path dir, String script, String... args) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "script", ".py");
    Files.writeString(file, script);
    List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("python timed out:\n" + Files.readString(err));
    }
    if (p.exitValue() != 0) fail("python failed with exit code " + p.exitValue() + ":\n" + Files.readString(err));
    return out;
  }

  /**
   * A Python function that prints every trial of a study as JSON with sorted keys: number, state,
   * values, params, user attributes, intermediate values and datetimes to the microsecond.
   */
  static final String DUMP = """
      import json, optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def fmt(d):
          return None if d is None else d.strftime("%Y-%m-%d %H:%M:%S.%f")
      def dump(study):
          out = []
          for t in study.trials:
              out.append({"number": t.number, "state": t.state.name, "values": t.values, "params": t.params,
                          "user_attrs": t.user_attrs,
                          "intermediate_values": {str(k): v for k, v in t.intermediate_values.items()},
                          "datetime_start": fmt(t.datetime_start), "datetime_complete": fmt(t.datetime_complete)})
          print(json.dumps(out, sort_keys=True))
      """;
}
