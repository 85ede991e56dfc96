package org.tunelab.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trial's files: {@code trial-<number>.log} (stdout and stderr as printed) and
 * {@code trial-<number>.params.json} in the log directory; without one, only a temporary parameter
 * file, deleted after the run.
 *
 * @param log the log file, or {@code null}
 * @param params the parameter file
 */
record TrialFiles(Path log, Path params, boolean temporary) {

  static TrialFiles create(Path logDir, int number, String paramsJson) {
    try {
      if (logDir == null) {
        Path params = Files.createTempFile("tunelab-trial-" + number + "-", ".params.json");
        Files.writeString(params, paramsJson, StandardCharsets.UTF_8);
        return new TrialFiles(null, params, true);
      }
      Files.createDirectories(logDir);
      Path params = logDir.resolve("trial-" + number + ".params.json").toAbsolutePath();
      Files.writeString(params, paramsJson, StandardCharsets.UTF_8);
      return new TrialFiles(logDir.resolve("trial-" + number + ".log").toAbsolutePath(), params, false);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the files of trial " + number + " in "
          + (logDir == null ? "the temporary directory" : logDir) + ": " + e.getMessage());
    }
  }

  /** The log, opened for appending (a re-run of a number never happens, but a log is never cut), or a sink. */
  OutputStream openLog() throws IOException {
    if (log == null) return OutputStream.nullOutputStream();
    return new BufferedOutputStream(Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND), 64 * 1024);
  }

  void deleteTemporary() {
    if (!temporary) return;
    try {
      Files.deleteIfExists(params);
    } catch (IOException e) {
      // A stray file in the temporary directory is not worth failing a finished trial for.
    }
  }
}
