package org.tunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tunelab.run.RecoveryPolicy;
import org.tunelab.run.RunStatus;
import org.tunelab.run.StaleTrialCleaner;
import org.tunelab.run.TrialRecovery;
import org.tunelab.run.TrialRunner;
import org.tunelab.run.ssh.SshTrialRunner;
import org.tunelab.spec.DurationFormat;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecFactory;
import org.tunelab.spec.SpecReader;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab recover STORAGE --study NAME [--grace D] [--retries N] [--spec FILE]}. */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"End the trials of a study left RUNNING by a runner that died: FAIL with the reason, and",
        "re-queued with the same parameters with --retries. A runner on this machine is known dead at once;",
        "one elsewhere when its heartbeat is older than --grace. A program such a trial left running on an SSH",
        "host of the study's spec is ended too. tunelab run does all this when it starts."})
final class RecoverCommand extends StudyControlCommand {
  @Option(names = "--spec", paramLabel = "FILE",
      description = "The study spec whose SSH hosts to reach, to end programs left running there (default: the spec"
          + " the study's last tunelab run recorded, if that file is still there).")
  Path specFile;

  @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "60s",
      description = "How old a heartbeat may be (default: ${DEFAULT-VALUE}).")
  String grace;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
      description = "Re-queue each set of parameters up to N times (default: ${DEFAULT-VALUE}).")
  int retries;

  @Override
  void act(Study study, PrintWriter out) {
    Duration g;
    try {
      g = DurationFormat.parse(grace);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "--grace: " + e.getMessage());
    }
    if (retries < 0) throw new CliException(ExitCode.USAGE, "--retries must be >= 0, got " + retries);
    List<TrialRecovery.Recovered> done;
    SshTrialRunner hosts = hostsOf(study);
    try {
      done = TrialRecovery.recover(study, new RecoveryPolicy(g, retries), hosts != null ? hosts : StaleTrialCleaner.NONE);
    } finally {
      if (hosts != null) hosts.close();
    }
    for (TrialRecovery.Recovered r : done) {
      out.println("trial " + r.number() + ": FAIL (" + r.reason() + ")"
          + (r.requeuedAs() == null ? "" : ", re-queued as trial " + r.requeuedAs()));
    }
    out.println("study " + study.studyName() + ": " + done.size() + " stale trial(s) recovered");
  }

  /**
   * The SSH hosts of the given spec, or of the one the study's last run recorded; {@code null} when
   * there is none or it has no hosts. A recorded spec that cannot be read any more is reported and
   * skipped (trials are still recovered; their programs on hosts are not ended); a spec given with
   * --spec must be readable.
   */
  private SshTrialRunner hostsOf(Study study) {
    PrintWriter err = spec.commandLine().getErr();
    Path file = specFile;
    if (file == null) {
      if (!(study.systemAttrs().get(RunStatus.SPEC_ATTR) instanceof String recorded)) return null;
      file = Path.of(recorded);
      if (!Files.isRegularFile(file)) {
        err.println("the study's spec " + file + " is gone: programs left on SSH hosts are not ended (pass --spec)");
        return null;
      }
    }
    TrialRunner runner;
    try {
      runner = SpecFactory.runner(SpecReader.read(file));
    } catch (SpecException e) {
      if (specFile != null) throw new CliException(ExitCode.USAGE, e.getMessage());
      err.println("the study's spec " + file + " could not be read (" + e.getMessage()
          + "): programs left on SSH hosts are not ended (pass --spec)");
      return null;
    }
    // No prepare(): nothing is shipped or started; each stale trial's host is reached on its own,
    // and one that cannot be reached is named in that trial's fail reason.
    return runner instanceof SshTrialRunner hosts ? hosts : null;
  }
}
