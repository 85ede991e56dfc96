package org.tunelab.storage.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the storage benchmark from the test class path until {@code tunelab bench-storage} exists:
 * {@code write <dir> <trials>}, {@code read <file> [repeats]}, {@code concurrent <dir> <writers> <trials>}.
 */
public final class StorageBenchmarkMain {
  private StorageBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "write" -> {
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        StorageBenchmark.write(dir.resolve("warmup.db"), 200, StorageBenchmark.WriteStyle.OPTUNA, 0);
        for (StorageBenchmark.WriteStyle style : StorageBenchmark.WriteStyle.values()) {
          Path file = dir.resolve("bench-" + style + ".db");
          Files.deleteIfExists(file);
          StorageBenchmark.WriteResult r = StorageBenchmark.write(file, n, style, 1);
          System.out.printf("write %s: %d trials in %.0f ms = %.3f ms/trial, %.0f trials/s%n", style, r.trials(),
              r.millis(), r.millisPerTrial(), r.trialsPerSecond());
        }
      }
      case "read" -> {
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        StorageBenchmark.ReadResult r = StorageBenchmark.read(Path.of(args[1]), null, repeats);
        System.out.printf("read %s (%d trials): open %.1f ms, first read %.1f ms, warm read %.1f ms, studies() %.1f ms%n",
            r.study(), r.trials(), r.openMillis(), r.firstReadMillis(), r.warmReadMillis(), r.summaryMillis());
      }
      case "concurrent" -> {
        Path file = Path.of(args[1]).resolve("concurrent.db");
        Files.deleteIfExists(file);
        StorageBenchmark.ConcurrentResult r = StorageBenchmark.concurrentWrite(file, Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), 1);
        System.out.printf("concurrent: %d writers x %d trials in %.0f ms = %.0f trials/s%n", r.writers(),
            r.trialsPerWriter(), r.millis(), r.trialsPerSecond());
      }
      default -> throw new IllegalArgumentException("usage: write <dir> <n> | read <file> [repeats] | concurrent <dir> <w> <n>");
    }
  }
}
