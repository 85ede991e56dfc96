package org.tunelab.cli;

import java.io.PrintWriter;
import org.tunelab.run.StudyControl;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;

/** {@code tunelab stop STORAGE --study NAME}. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = {"Stop the runs of a study going now: they start no new trial, let the running ones finish",
        "and exit. Runs started later are not affected. (Ctrl+C in a run's terminal stops it at once.)"})
final class StopCommand extends StudyControlCommand {
  @Override
  void act(Study study, PrintWriter out) {
    StudyControl.stop(study);
    out.println("study " + study.studyName() + ": stop requested; running trials finish first");
  }
}
