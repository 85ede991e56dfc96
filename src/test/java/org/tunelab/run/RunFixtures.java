package org.tunelab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tunelab.pruner.Pruner;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.Storage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

/** Real programs for the run tests: scripts written into a temporary directory, run by the executor. */
final class RunFixtures {
  private RunFixtures() {}

  static Path script(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  static Study study(Storage storage, String name, Pruner pruner) {
    return Study.builder(storage).name(name).pruner(pruner).build();
  }

  static TrialCommand command(Path dir, String line, SearchSpace space, Duration timeout) {
    return new TrialCommand(CommandTemplate.parse(line, space.names()), dir, Map.of(), timeout, null,
        Duration.ofSeconds(2));
  }

  /** Runs {@code trials} trials with {@code slots} slots and returns the study's trials. */
  static List<FrozenTrial> run(Study study, TrialRunner runner, SearchSpace space, int trials, int slots, Path logDir) {
    new LocalExecutor(study, runner, ExecutorOptions.slots(slots).withTrials(trials).withSpace(space).withLogDir(logDir))
        .run();
    return study.trials();
  }

  /**
   * Whether the process still runs after waiting up to {@code millis} for it to go. A killed process
   * stays a zombie until it is reaped, which counts as gone.
   */
  static boolean runningAfter(long pid, long millis) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < until) {
      if (!running(pid)) return false;
      Thread.sleep(50);
    }
    return running(pid);
  }

  private static boolean running(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }

  static String reason(FrozenTrial t) {
    return String.valueOf(t.systemAttrs().get("fail_reason"));
  }
}
