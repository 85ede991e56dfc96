package org.tunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tunelab.storage.jdbc.StorageBenchmark;
import org.tunelab.storage.jdbc.StorageBenchmark.WriteStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab bench-storage}: the SQLite store under the workload of Optuna's published numbers
 * (a trial with ten parameters and twenty intermediate values), written as Optuna writes it and
 * batched, by several writers at once, and read back.
 */
@Command(name = "bench-storage", mixinStandardHelpOptions = true,
    description = {"Benchmark the SQLite store: trials with 10 parameters and 20 intermediate values written",
        "one commit per call (as Optuna does) and batched, concurrent writers, and reading a study back.",
        "Optuna 3.1 takes about 80 ms per such trial on this kind of machine."})
final class BenchStorageCommand implements Callable<Integer> {
  /** Optuna 3.1's time per trial of this workload, from shared/bench/optuna-3.1-speed.md. */
  private static final double OPTUNA_31_MILLIS_PER_TRIAL = 80.0;

  @Spec CommandSpec spec;

  @Option(names = "--trials", defaultValue = "1000", paramLabel = "N", description = "Trials per write run (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--writers", defaultValue = "4", paramLabel = "N", description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
  int writers;

  @Option(names = "--trials-per-writer", defaultValue = "250", paramLabel = "N",
      description = "Trials each concurrent writer adds (default: ${DEFAULT-VALUE}).")
  int trialsPerWriter;

  @Option(names = "--read", paramLabel = "DATABASE", description = "Also time reading every trial of this existing file.")
  Path readFile;

  @Option(names = "--study", paramLabel = "NAME", description = "The study --read reads (default: the first).")
  String study;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the benchmark files (default: a temporary folder, removed after).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (trials < 1 || writers < 1 || trialsPerWriter < 1) {
      throw new CliException(ExitCode.USAGE, "--trials, --writers and --trials-per-writer must be >= 1");
    }
    if (readFile != null && !Files.isRegularFile(readFile)) throw new CliException(ExitCode.RUNTIME, "no database at " + readFile);
    PrintWriter out = spec.commandLine().getOut();
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("tunelab-bench");
    try {
      for (WriteStyle style : WriteStyle.values()) {
        StorageBenchmark.WriteResult w = StorageBenchmark.write(work.resolve("write-" + style.name().toLowerCase(Locale.ROOT)
            + ".db"), trials, style, 1);
        out.printf(Locale.ROOT, "write %-8s %6d trials  %8.3f ms/trial  %8.1f trials/s  %6.1fx faster than Optuna 3.1%n",
            style.name().toLowerCase(Locale.ROOT), w.trials(), w.millisPerTrial(), w.trialsPerSecond(),
            OPTUNA_31_MILLIS_PER_TRIAL / w.millisPerTrial());
        out.flush();
      }
      StorageBenchmark.ConcurrentResult c = StorageBenchmark.concurrentWrite(work.resolve("concurrent.db"), writers,
          trialsPerWriter, 1);
      out.printf(Locale.ROOT, "concurrent %d writers x %d trials  %8.1f ms  %8.1f trials/s%n", c.writers(),
          c.trialsPerWriter(), c.millis(), c.trialsPerSecond());
      Path toRead = readFile != null ? readFile : work.resolve("write-batched.db");
      StorageBenchmark.ReadResult r = StorageBenchmark.read(toRead, readFile != null ? study : null, 3);
      out.printf(Locale.ROOT, "read %s (%s, %d trials)  open %.1f ms  first read %.1f ms  warm read %.1f ms  summary %.1f ms%n",
          r.file().getFileName(), r.study(), r.trials(), r.openMillis(), r.firstReadMillis(), r.warmReadMillis(),
          r.summaryMillis());
      out.flush();
    } finally {
      if (dir == null) deleteTree(work);
    }
    return ExitCode.OK;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
