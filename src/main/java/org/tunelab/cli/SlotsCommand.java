package org.tunelab.cli;

import java.io.PrintWriter;
import org.tunelab.run.StudyControl;
import org.tunelab.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tunelab slots STORAGE --study NAME N}. */
@Command(name = "slots", mixinStandardHelpOptions = true,
    description = {"Change how many trials each run of a study runs at once, while it runs. Fewer slots never",
        "kill a running trial: the run starts new ones only when it is below the new number."})
final class SlotsCommand extends StudyControlCommand {
  @Parameters(index = "1", paramLabel = "N", description = "Trials at once (>= 1).")
  int slots;

  @Override
  void act(Study study, PrintWriter out) {
    if (slots < 1) throw new CliException(ExitCode.USAGE, "N must be >= 1, got " + slots);
    StudyControl.slots(study, slots);
    out.println("study " + study.studyName() + ": " + describe(StudyControl.read(study)));
  }
}
