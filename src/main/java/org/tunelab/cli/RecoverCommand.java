package org.tunelab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.tunelab.run.RecoveryPolicy;
import org.tunelab.run.TrialRecovery;
import org.tunelab.spec.DurationFormat;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab recover STORAGE --study NAME [--grace D] [--retries N]}. */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"End the trials of a study left RUNNING by a runner that died: FAIL with the reason, and",
        "re-queued with the same parameters with --retries. A runner on this machine is known dead at once;",
        "one elsewhere when its heartbeat is older than --grace. tunelab run does this when it starts."})
final class RecoverCommand extends StudyControlCommand {
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
    List<TrialRecovery.Recovered> done = TrialRecovery.recover(study, new RecoveryPolicy(g, retries));
    for (TrialRecovery.Recovered r : done) {
      out.println("trial " + r.number() + ": FAIL (" + r.reason() + ")"
          + (r.requeuedAs() == null ? "" : ", re-queued as trial " + r.requeuedAs()));
    }
    out.println("study " + study.studyName() + ": " + done.size() + " stale trial(s) recovered");
  }
}
