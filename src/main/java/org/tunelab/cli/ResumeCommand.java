package org.tunelab.cli;

import java.io.PrintWriter;
import org.tunelab.run.StudyControl;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;

/** {@code tunelab resume STORAGE --study NAME}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Resume a paused study: its runs start trials again.")
final class ResumeCommand extends StudyControlCommand {
  @Override
  void act(Study study, PrintWriter out) {
    StudyControl.resume(study);
    out.println("study " + study.studyName() + ": " + describe(StudyControl.read(study)));
  }
}
