package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.ArrayList;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;

/** The designer's read-only texts: the live YAML and the command preview. */
final class DesignerText {
  private static final String INVALID_MARK = "# Not a valid spec yet:\n";

  private DesignerText() {}

  /**
   * The spec as it would be saved; while it has problems, the problems as comments above the last
   * valid YAML (so the view does not go blank while the user types).
   */
  static String yaml(SpecAssembler.Assembly a, String lastValid) {
    if (a.spec() != null) return SpecWriter.write(a.spec().withSource(null));
    StringBuilder out = new StringBuilder(INVALID_MARK);
    for (FieldProblem p : a.problems()) out.append("#   ").append(p.toString().replace("\n", "\n#   ")).append('\n');
    return out.append('\n').append(lastValid).toString();
  }

  /** {command line, environment} of a sample trial, or {why there is none, ""}. */
  static String[] preview(DesignForm form, SearchSpace space, StudySpec spec, Path file, long seed) {
    if (form.objectiveKind().equals("builtin")) {
      return new String[] {"A built-in objective is evaluated inside TuneLab: no command runs.", ""};
    }
    if (space == null) return new String[] {"No preview while the search space has errors.", ""};
    if (FormValues.blank(form.command())) return new String[] {"Type the command to see what a trial runs.", ""};
    StudySpec s = spec;
    try {
      if (s == null) {
        // the rest of the form may be unfinished; the preview needs only the command and the space
        ObjectiveSpec.Command c = new ObjectiveSpec.Command(form.command().strip(),
            FormValues.blank(form.workdir()) ? "." : form.workdir().strip(), null,
            SpecAssembler.env(form.env(), new FormValues(new ArrayList<>())), null, null, 0);
        s = StudySpec.of(FormValues.blank(form.name()) ? "study" : form.name().strip(), space, c).withSource(file);
      }
      CommandPreview p = CommandPreview.of(s, seed);
      return new String[] {"$ cd " + p.workdir() + "\n$ " + p.commandLine(), p.envText()};
    } catch (IllegalArgumentException e) {
      return new String[] {"No preview: " + e.getMessage(), ""};
    }
  }
}
