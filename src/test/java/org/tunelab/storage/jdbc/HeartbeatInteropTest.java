package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * Heartbeats TuneLab writes are Optuna's: Python Optuna 3.1's {@code fail_stale_trials} finds and
 * fails a trial whose TuneLab heartbeat expired. Skipped without Optuna 3.1 at /usr/bin/python3,
 * unless {@code -Dtunelab.requireOptuna=true}.
 */
class HeartbeatInteropTest {
  @TempDir Path dir;

  @Test
  void optunaFailsATrialWhoseTuneLabHeartbeatExpired() throws Exception {
    String version = python("import optuna; print(optuna.__version__)");
    if (!version.startsWith("3.1")) {
      if (Boolean.getBoolean("tunelab.requireOptuna")) throw new AssertionError("Optuna 3.1 is required, got " + version);
      Assumptions.abort("Optuna 3.1 not available at /usr/bin/python3");
    }
    Path file = dir.resolve("hb.db");
    try (SqliteStorage storage = SqliteStorage.open(file, OptunaSchema.V3_0_0_D)) {
      long id = storage.createStudy("hb", List.of(StudyDirection.MINIMIZE));
      FrozenTrial t = storage.createTrial(id, null);
      storage.recordHeartbeats(List.of(t.trialId()));
    }
    Thread.sleep(2100); // Optuna's grace below is 1 s; heartbeats are kept to the second
    String out = python("""
        import optuna, warnings
        warnings.simplefilter("ignore")
        storage = optuna.storages.RDBStorage("sqlite:///%s", heartbeat_interval=1, grace_period=1)
        study = optuna.load_study(study_name="hb", storage=storage)
        optuna.storages.fail_stale_trials(study)
        print(study.trials[0].state.name)
        """.formatted(file));
    assertEquals("FAIL", out.strip());
  }

  private static String python(String code) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/python3"))) return "none";
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("python hung");
    return p.exitValue() == 0 ? out : "error: " + out;
  }
}
