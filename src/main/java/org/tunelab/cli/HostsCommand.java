package org.tunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunelab.run.ssh.HostCheck;
import org.tunelab.run.ssh.SshException;
import org.tunelab.run.ssh.SshOptions;
import org.tunelab.run.ssh.SshTarget;
import org.tunelab.run.ssh.SshTrialRunner;
import org.tunelab.spec.ObjectiveSpec;
import org.tunelab.spec.SpecFactory;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SshExecutors;
import org.tunelab.spec.StudySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunelab hosts check SPEC}: what works and what does not on each SSH host of a spec. */
@Command(name = "hosts", mixinStandardHelpOptions = true, subcommands = {HostsCommand.Check.class},
    description = "The SSH hosts of a spec's executors.")
final class HostsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Connects to every host of {@code runner} and ships the code before the run starts, so that a host
   * that refuses TuneLab stops the run at once with its reason rather than failing every trial.
   */
  static void prepare(SshTrialRunner runner, PrintWriter err) {
    try {
      runner.prepare();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.INTERRUPTED, "interrupted while connecting to the hosts");
    }
    err.println("hosts: " + runner.slots() + " slot(s): " + runner.describeSlots());
    err.flush();
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Connect to every SSH host of the spec and report what works: reachable, host key, login,",
          "working directory, tools, Python (after the setup line), GPUs (nvidia-smi), size of the code to ship.",
          "Exit code 0 when every host works."})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The study spec (YAML).")
    Path specFile;

    @Option(names = "--trust-new-host", description = "Accept a host key not yet in known_hosts and add it there"
        + " (check its fingerprint first). A changed key is refused regardless.")
    boolean trustNewHost;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      StudySpec studySpec = SpecReader.read(specFile);
      List<SshTarget> targets = SshExecutors.targets(studySpec);
      if (targets.isEmpty()) {
        throw new CliException(ExitCode.USAGE, specFile + " has no executor of type: ssh");
      }
      Path code = studySpec.objective() instanceof ObjectiveSpec.Command c ? SpecFactory.workdir(studySpec, c) : null;
      SshOptions options = SshOptions.defaults().withTrustNewHost(trustNewHost);
      SshExecutors.SyncLimits limits = SshExecutors.syncLimits(studySpec);
      int broken = 0;
      for (SshTarget target : targets) {
        out.println("host " + target.label());
        List<HostCheck.Result> results;
        try {
          results = HostCheck.run(target, options, code, limits.maxFileBytes(), limits.maxTotalBytes());
        } catch (SshException | java.io.UncheckedIOException e) {
          results = List.of(new HostCheck.Result("config", HostCheck.Status.FAIL, e.getMessage()));
        }
        boolean ok = true;
        for (HostCheck.Result r : results) {
          out.printf(Locale.ROOT, "  %-5s %-10s %s%n", label(r.status()), r.check(), r.detail());
          if (r.status() == HostCheck.Status.FAIL) ok = false;
        }
        if (!ok) broken++;
      }
      out.println(broken == 0 ? "all " + targets.size() + " host(s) work"
          : broken + " of " + targets.size() + " host(s) do not work");
      out.flush();
      return broken == 0 ? ExitCode.OK : ExitCode.RUNTIME;
    }

    private static String label(HostCheck.Status s) {
      return switch (s) {
        case OK -> "ok";
        case WARN -> "warn";
        case FAIL -> "FAIL";
        case SKIPPED -> "--";
      };
    }
  }
}
