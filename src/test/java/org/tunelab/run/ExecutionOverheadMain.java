package org.tunelab.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

/**
 * Overhead of running a program per trial: {@code N} trials of a command that does nothing, on a
 * fresh SQLite file, one slot, random sampling. Prints trials per second and the mean time from ask
 * to tell (the trial's stored start to completion).
 *   java -cp "target/classes:target/test-classes:target/lib/*" org.tunelab.run.ExecutionOverheadMain 1000 true
 */
public final class ExecutionOverheadMain {
  private ExecutionOverheadMain() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String command = args.length > 1 ? String.join(" ", List.of(args).subList(1, args.length)) : "true";
    System.out.println(measure(n, command, Integer.getInteger("slots", 1)));
  }

  /** Runs the trials and describes the overhead in one line. */
  static String measure(int n, String command, int slots) throws Exception {
    Path dir = Files.createTempDirectory("tunelab-overhead");
    SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(0, 1)));
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("o.db"))) {
      Study study = Study.builder(storage).name("overhead").sampler(new org.tunelab.sampler.RandomSampler(1)).build();
      TrialCommand c = new TrialCommand(CommandTemplate.parse(command, space.names()), dir, Map.of(), null, null, null);
      ExecutionResult r = new LocalExecutor(study, new CommandTrialRunner(c),
          ExecutorOptions.slots(slots).withTrials(n).withSpace(space).withLogDir(dir.resolve("logs"))).run();
      double askToTell = study.trials().stream().map(FrozenTrial::duration)
          .mapToLong(Duration::toNanos).average().orElse(0) / 1e6;
      return String.format(Locale.ROOT, "%d trials of `%s` (%d slot(s)): %.2f s, %.1f trials/s, %.2f ms per trial,"
          + " mean ask-to-tell %.2f ms (%d complete, %d failed)", n, command, slots, r.elapsed().toMillis() / 1000.0,
          n / (r.elapsed().toNanos() / 1e9), r.elapsed().toNanos() / 1e6 / n, askToTell, r.complete(), r.failed());
    }
  }
}
