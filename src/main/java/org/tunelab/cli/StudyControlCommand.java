package org.tunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tunelab.run.StudyControl;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageUrl;
import org.tunelab.study.Study;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The commands that act on an existing study in a store: {@code pause}, {@code resume}, {@code stop},
 * {@code slots} and {@code recover}. The store is opened for writing, but never created.
 */
abstract class StudyControlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STORAGE", description = "sqlite:///relative.db, sqlite:////absolute.db or a path")
  String storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage store = openExisting()) {
      Study s = Study.builder(store).name(study).load();
      act(s, out);
      out.flush();
    }
    return ExitCode.OK;
  }

  abstract void act(Study study, PrintWriter out);

  private Storage openExisting() {
    try {
      StorageUrl url = StorageUrl.parse(storage, Path.of("").toAbsolutePath());
      if (url.kind() != StorageUrl.Kind.MEMORY && !Files.isRegularFile(url.path())) {
        throw new CliException(ExitCode.RUNTIME, "no database at " + url.path());
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    return StorageArguments.openForWriting(storage, Path.of("").toAbsolutePath());
  }

  static String describe(StudyControl c) {
    return c.state() + (c.slots() == null ? "" : ", " + c.slots() + " slot(s)");
  }
}
