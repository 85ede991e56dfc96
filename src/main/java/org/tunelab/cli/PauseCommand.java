package org.tunelab.cli;

import java.io.PrintWriter;
import org.tunelab.run.StudyControl;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;

/** {@code tunelab pause STORAGE --study NAME}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = {"Pause a study: every tunelab run of it (in any terminal or machine) starts no new trial",
        "until resumed; running trials go on. A run started while the study is paused waits."})
final class PauseCommand extends StudyControlCommand {
  @Override
  void act(Study study, PrintWriter out) {
    StudyControl.pause(study);
    out.println("study " + study.studyName() + ": " + describe(StudyControl.read(study)));
  }
}
