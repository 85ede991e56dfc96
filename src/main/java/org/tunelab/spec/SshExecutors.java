package org.tunelab.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialRunner;
import org.tunelab.run.ssh.SshOptions;
import org.tunelab.run.ssh.SshTarget;
import org.tunelab.run.ssh.SshTrialRunner;

/**
 * The {@code type: ssh} executors of a spec (validated by {@link SshExecutorReader}) as
 * {@link SshTarget}s, and the runner that spreads trials over them and the local slots. Local paths
 * ({@code key}, {@code known_hosts}) are relative to the spec file's directory, {@code ~/} is the
 * local home; {@code workdir} is a path on the host.
 */
public final class SshExecutors {
  private SshExecutors() {}

  /** Whether the spec runs trials on SSH hosts. */
  public static boolean present(StudySpec spec) {
    return !entries(spec).isEmpty() && spec.objective() instanceof ObjectiveSpec.Command;
  }

  /** The hosts, in spec order. */
  public static List<SshTarget> targets(StudySpec spec) {
    List<SshTarget> out = new ArrayList<>();
    for (Map<?, ?> e : entries(spec)) out.add(target(spec, e));
    return out;
  }

  /** Size limits on the code shipped to the hosts, in bytes. */
  public record SyncLimits(long maxFileBytes, long maxTotalBytes) {}

  /**
   * The size limits of the code shipped, from {@code max_file_mb}/{@code max_total_mb} (the largest
   * given), 50 MB per file and 200 MB in all by default.
   */
  public static SyncLimits syncLimits(StudySpec spec) {
    long maxFile = 0;
    long maxTotal = 0;
    for (Map<?, ?> e : entries(spec)) {
      if (e.get("max_file_mb") instanceof Number n) maxFile = Math.max(maxFile, n.longValue() << 20);
      if (e.get("max_total_mb") instanceof Number n) maxTotal = Math.max(maxTotal, n.longValue() << 20);
    }
    return new SyncLimits(maxFile > 0 ? maxFile : 50L << 20, maxTotal > 0 ? maxTotal : 200L << 20);
  }

  /** Trials run at once: the local executor's slots (if there is one) plus every host's. */
  public static int totalSlots(StudySpec spec) {
    int n = localSlots(spec);
    for (SshTarget t : targets(spec)) n += t.slots();
    return n;
  }

  /**
   * The runner over the spec's hosts and local slots; connects to nothing yet.
   *
   * @param local runs trials on the local slots
   */
  public static SshTrialRunner runner(StudySpec spec, TrialCommand command, TrialRunner local, SshOptions options) {
    SshTrialRunner.Builder b = SshTrialRunner.builder(command, options, spec.name());
    int localSlots = localSlots(spec);
    if (localSlots > 0) b.local(local, localSlots, ExecutorSpec.of(spec).gpus());
    int perTrial = 1;
    for (Map<?, ?> e : entries(spec)) {
      if (e.get("gpus_per_trial") instanceof Number n) perTrial = Math.max(perTrial, n.intValue());
    }
    if (localSlots > 0) perTrial = Math.max(perTrial, ExecutorSpec.of(spec).gpusPerTrial());
    b.gpusPerTrial(perTrial);
    SyncLimits limits = syncLimits(spec);
    b.syncLimits(limits.maxFileBytes(), limits.maxTotalBytes());
    for (Map<?, ?> e : entries(spec)) {
      Object reconnect = e.get("reconnect_timeout");
      b.host(target(spec, e), reconnect == null ? null : DurationFormat.parse(String.valueOf(reconnect)));
    }
    return b.build();
  }

  private static int localSlots(StudySpec spec) {
    if (!(spec.executors() instanceof List<?> all)) return 0;
    for (Object e : all) {
      if (e instanceof Map<?, ?> m && !"ssh".equals(m.get("type"))) return ExecutorSpec.of(spec).slots();
    }
    return 0;
  }

  private static List<Map<?, ?>> entries(StudySpec spec) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (spec.executors() instanceof List<?> all) {
      for (Object e : all) {
        if (e instanceof Map<?, ?> m && "ssh".equals(m.get("type"))) out.add(m);
      }
    }
    return out;
  }

  private static SshTarget target(StudySpec spec, Map<?, ?> e) {
    SshTarget t = SshTarget.of(String.valueOf(e.get("host")));
    if (e.get("port") instanceof Number n) t = t.withPort(n.intValue());
    if (e.get("user") != null) t = t.withUser(String.valueOf(e.get("user")));
    if (e.get("key") != null) t = t.withKey(localPath(spec, String.valueOf(e.get("key"))));
    if (e.get("known_hosts") != null) t = t.withKnownHosts(localPath(spec, String.valueOf(e.get("known_hosts"))));
    if (e.get("jump") != null) t = t.withJump(String.valueOf(e.get("jump")));
    if (e.get("workdir") != null) t = t.withWorkdir(String.valueOf(e.get("workdir")));
    if (e.get("setup") != null) t = t.withSetup(String.valueOf(e.get("setup")));
    if (e.get("slots") instanceof Number n) t = t.withSlots(n.intValue());
    if (e.get("gpus") instanceof List<?> ids) {
      List<String> gpus = new ArrayList<>();
      ids.forEach(id -> gpus.add(String.valueOf(id)));
      t = t.withGpus(gpus);
    }
    if (e.get("env") instanceof Map<?, ?> env) {
      Map<String, String> vars = new LinkedHashMap<>();
      env.forEach((k, v) -> vars.put(String.valueOf(k), String.valueOf(v)));
      t = t.withEnv(vars);
    }
    return t;
  }

  private static Path localPath(StudySpec spec, String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      Path home = Path.of(System.getProperty("user.home"));
      return path.length() <= 2 ? home : home.resolve(path.substring(2));
    }
    return spec.baseDir().resolve(path).normalize();
  }
}
