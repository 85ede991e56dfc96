package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunelab.run.ssh.HostCheck;
import org.tunelab.run.ssh.SshException;
import org.tunelab.run.ssh.SshOptions;
import org.tunelab.run.ssh.SshTarget;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SshExecutors;
import org.tunelab.spec.StudySpec;

/**
 * "Test connection" for one host of the form: the checks {@code tunelab hosts check} runs, as the
 * same lines it prints. Blocks (it connects): call it off the UI thread.
 */
final class HostChecker {
  private HostChecker() {}

  /**
   * @param specFile the spec's file, against whose directory a relative key path resolves, or {@code null}
   * @param localCode the objective's working directory, whose size is checked, or {@code null}
   */
  static List<String> check(SshHostForm host, Path specFile, Path localCode, SshOptions options) {
    List<FieldProblem> problems = new ArrayList<>();
    DesignForm one = DesignForm.empty();
    one = new DesignForm(one.name(), "", one.directions(), "command", "", "true", ".", "", "", "", "", "tpe",
        java.util.Map.of(), "none", java.util.Map.of(), "", "", List.of(host), "", "", "1");
    Object executors = ExecutorForms.build(one, null, new FormValues(problems));
    if (!problems.isEmpty()) return List.of(line(HostCheck.Status.FAIL, "config", problems.get(0).toString()));
    StudySpec spec = new StudySpec(specFile, "check", null, null, null, null, null, SearchSpace.of(),
        new ObjectiveSpec.Command("true", ".", null), null, null, 1, null, executors);
    SshTarget target = SshExecutors.targets(spec).get(0);
    List<String> lines = new ArrayList<>();
    lines.add("host " + target.label());
    List<HostCheck.Result> results;
    try {
      results = HostCheck.run(target, options, localCode != null && java.nio.file.Files.isDirectory(localCode) ? localCode : null);
    } catch (SshException | java.io.UncheckedIOException e) {
      results = List.of(new HostCheck.Result("config", HostCheck.Status.FAIL, e.getMessage()));
    }
    boolean ok = true;
    for (HostCheck.Result r : results) {
      lines.add(line(r.status(), r.check(), r.detail()));
      if (r.status() == HostCheck.Status.FAIL) ok = false;
    }
    lines.add(ok ? "the host works" : "the host does not work");
    return lines;
  }

  private static String line(HostCheck.Status status, String check, String detail) {
    String label = switch (status) {
      case OK -> "ok";
      case WARN -> "warn";
      case FAIL -> "FAIL";
      case SKIPPED -> "skip";
    };
    return String.format(Locale.ROOT, "  %-5s %-10s %s", label, check, detail);
  }
}
