package org.tunelab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code tunelab bench-storage}: the storage benchmark. The harness lives with the SQLite store and
 * is wired in here once it exists; until then the command says so.
 */
@Command(name = "bench-storage", mixinStandardHelpOptions = true,
    description = "Benchmark the SQLite store (trial write latency, concurrent writers).")
final class BenchStorageCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException(ExitCode.RUNTIME, "the storage benchmark is not available in this build yet");
  }
}
