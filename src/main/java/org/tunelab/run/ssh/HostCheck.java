package org.tunelab.run.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tunelab hosts check} finds out about one host: whether it is reachable, its host key
 * is known, the login works, the working directory is writable, the tools TuneLab needs are there,
 * Python answers (after the host's setup line), which GPUs {@code nvidia-smi} sees, and whether the
 * code to ship is within the size limits. Checks stop at the first one that makes the rest
 * meaningless (no connection, no login).
 *
 * <p>Runs on the calling thread; opens and closes its own connection.
 *
 * <pre>{@code
 * for (HostCheck.Result r : HostCheck.run(SshTarget.of("gpu1"), SshOptions.defaults(), Path.of("code"))) {
 *   System.out.println(r.status() + " " + r.check() + ": " + r.detail());
 * }
 * }</pre>
 */
public final class HostCheck {
  /** How a check came out. */
  public enum Status { OK, WARN, FAIL, SKIPPED }

  /** One line of the report. */
  public record Result(String check, Status status, String detail) {}

  private HostCheck() {}

  /**
   * @param localCode the objective's working directory, whose size is checked, or {@code null}
   * @return the results in order; the host works when none is {@link Status#FAIL}
   */
  public static List<Result> run(SshTarget target, SshOptions options, Path localCode) {
    CodeSync.Limits d = CodeSync.Limits.defaults();
    return run(target, options, localCode, d.maxFileBytes(), d.maxTotalBytes());
  }

  /**
   * Like {@link #run(SshTarget, SshOptions, Path)}, with the spec's size limits on the code shipped:
   * files over them are named, so they can go into the ignore file before the first trial.
   */
  public static List<Result> run(SshTarget target, SshOptions options, Path localCode, long maxFileBytes, long maxTotalBytes) {
    List<Result> out = new ArrayList<>();
    try (SshConnection c = new SshConnection(target, options)) {
      long begin = System.nanoTime();
      try {
        c.session();
      } catch (SshException e) {
        connectFailure(out, c, e);
        return out;
      }
      ResolvedHost h = c.resolved();
      out.add(new Result("reachable", Status.OK, h.label() + ", connected and logged in in "
          + (System.nanoTime() - begin) / 1_000_000 + " ms"));
      out.add(new Result("host key", Status.OK, "matches " + h.knownHosts()));
      out.add(new Result("auth", Status.OK, "user " + h.user()));
      RemoteResult wd = c.exec("mkdir -p " + RemoteScripts.path(target.workdir()) + " && cd " + RemoteScripts.path(target.workdir())
          + " && test -w . && pwd -P", Duration.ofSeconds(20));
      out.add(wd.ok() ? new Result("workdir", Status.OK, wd.stdout().strip() + " (writable)")
          : new Result("workdir", Status.FAIL, target.workdir() + ": " + wd.message() + " (fix workdir: in the spec)"));
      out.add(tools(c));
      String setup = target.setup() == null ? "" : "{ " + target.setup() + "\n} >/dev/null 2>&1 || echo 'setup failed' >&2; ";
      RemoteResult py = c.exec("bash -c " + RemoteScripts.quote(setup + "command -v python3 && python3 --version 2>&1"),
          Duration.ofSeconds(30));
      String[] lines = py.stdout().strip().split("\n");
      out.add(py.ok() && lines.length >= 2 ? new Result("python", Status.OK, lines[1] + " (" + lines[0] + ")")
          : new Result("python", Status.WARN, "python3 not found" + (target.setup() != null ? " after the setup line" : "")
              + (py.stderr().isBlank() ? "" : ": " + py.stderr().strip())));
      out.add(gpus(c, target));
    } catch (SshException e) {
      out.add(new Result("remote", Status.FAIL, e.getMessage()));
      return out;
    }
    if (localCode != null) out.add(code(localCode, new CodeSync.Limits(maxFileBytes, maxTotalBytes)));
    return out;
  }

  private static void connectFailure(List<Result> out, SshConnection c, SshException e) {
    String label = c.label();
    switch (e.kind()) {
      case UNREACHABLE -> {
        out.add(new Result("reachable", Status.FAIL, e.getMessage()));
        return;
      }
      case HOST_KEY_UNKNOWN, HOST_KEY_CHANGED -> {
        out.add(new Result("reachable", Status.OK, label));
        out.add(new Result("host key", Status.FAIL, e.getMessage()));
      }
      default -> {
        out.add(new Result("reachable", Status.OK, label));
        out.add(new Result("host key", Status.OK, "matches " + c.resolved().knownHosts()));
        out.add(new Result("auth", Status.FAIL, e.getMessage()));
      }
    }
  }

  /**
   * The tools the remote scripts use ({@link RemoteScripts}): util-linux's setsid and GNU tail --pid
   * are best; without them trials still run (perl or bash job control, a polling follower), which
   * is a warning; without any way to detach a trial, or without tail/head/wc, the host cannot run trials.
   */
  private static Result tools(SshConnection c) {
    RemoteResult r = c.exec("for t in tail head wc mkdir; do command -v $t >/dev/null 2>&1 || echo \"FAIL: $t is missing\"; done\n"
        + "if ! command -v setsid >/dev/null 2>&1; then\n"
        + "  if command -v perl >/dev/null 2>&1; then echo 'no setsid (util-linux): trials are detached through perl'\n"
        + "  elif command -v bash >/dev/null 2>&1; then echo 'no setsid (util-linux) nor perl: trials are detached through bash job control'\n"
        + "  else echo 'FAIL: no setsid (util-linux), perl or bash: trials cannot get a process group of their own'; fi\n"
        + "fi\n"
        + "tail --help 2>&1 | grep -q -- --pid || echo 'no GNU tail --pid (coreutils): trial logs are followed by polling every 0.1 s'\n",
        Duration.ofSeconds(20));
    String found = r.stdout().strip().replace("\n", "; ");
    if (found.isEmpty()) return new Result("tools", Status.OK, "setsid, GNU tail --pid");
    return new Result("tools", found.contains("FAIL: ") ? Status.FAIL : Status.WARN, found.replace("FAIL: ", ""));
  }

  private static Result gpus(SshConnection c, SshTarget target) {
    RemoteResult smi = c.exec("command -v nvidia-smi >/dev/null 2>&1 || exit 127; nvidia-smi --query-gpu=index,name,memory.total"
        + " --format=csv,noheader", Duration.ofSeconds(30));
    if (smi.exitCode() == 127) {
      return target.gpus().isEmpty() ? new Result("gpus", Status.SKIPPED, "no nvidia-smi (no GPUs listed in the spec)")
          : new Result("gpus", Status.FAIL, "the spec lists GPUs " + target.gpus() + " but nvidia-smi is not on the host");
    }
    if (!smi.ok()) return new Result("gpus", target.gpus().isEmpty() ? Status.WARN : Status.FAIL, "nvidia-smi failed: " + smi.message());
    List<String> found = new ArrayList<>();
    for (String line : smi.stdout().strip().split("\n")) if (!line.isBlank()) found.add(line.split(",")[0].strip());
    List<String> unknown = new ArrayList<>(target.gpus());
    unknown.removeAll(found);
    String seen = found.size() + " GPU(s): " + smi.stdout().strip().replace('\n', ';');
    return unknown.isEmpty() ? new Result("gpus", Status.OK, seen)
        : new Result("gpus", Status.FAIL, "the spec lists GPUs " + unknown + " that nvidia-smi does not show; " + seen);
  }

  private static Result code(Path localCode, CodeSync.Limits limits) {
    try {
      var files = CodeSync.scan(localCode);
      long total = files.stream().mapToLong(f -> f.size()).sum();
      String detail = String.format(Locale.ROOT, "%d file(s), %.1f KB to ship from %s", files.size(), total / 1024.0, localCode);
      String problem = CodeSync.limitProblem(localCode, files, limits);
      return problem == null ? new Result("code", Status.OK, detail) : new Result("code", Status.FAIL, detail + ": " + problem);
    } catch (RuntimeException e) {
      return new Result("code", Status.FAIL, e.getMessage());
    }
  }
}
