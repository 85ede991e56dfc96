package org.tunelab.cli;

import java.io.PrintWriter;
import org.tunelab.run.StudyControl;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab stop STORAGE --study NAME [--now]}. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = {"Stop the runs of a study going now: they start no new trial, let the running ones finish",
        "and exit. Runs started later are not affected. With --now the running trials are killed, as Ctrl+C does."})
final class StopCommand extends StudyControlCommand {
  @Option(names = "--now", description = "Kill the running trials (FAIL, or re-queued by runs started with --requeue-on-stop).")
  boolean now;

  @Override
  void act(Study study, PrintWriter out) {
    if (now) {
      StudyControl.stopNow(study);
      out.println("study " + study.studyName() + ": stop requested; running trials are killed");
    } else {
      StudyControl.stop(study);
      out.println("study " + study.studyName() + ": stop requested; running trials finish first");
    }
  }
}
