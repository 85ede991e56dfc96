package org.tunelab.run.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SSH host that runs trials, as a spec's {@code type: ssh} executor describes it. Fields left
 * {@code null} come from {@code ~/.ssh/config} (when {@link #host} is an alias there) and then from
 * OpenSSH's defaults: port 22, the local user name, the agent and {@code ~/.ssh/id_*} keys,
 * {@code ~/.ssh/known_hosts}.
 *
 * <pre>{@code
 * SshTarget gpu1 = SshTarget.of("gpu1").withSlots(4).withGpus(List.of("0", "1", "2", "3"));
 * }</pre>
 *
 * @param host a host name, an address or a {@code ~/.ssh/config} alias
 * @param port the port, or {@code null}
 * @param user the remote user, or {@code null}
 * @param key a private key file, or {@code null} for the agent and the default keys
 * @param knownHosts the known_hosts file that must hold the host's key, or {@code null} for the default
 * @param jump a jump host, {@code [user@]host[:port]} or an alias, or {@code null}
 * @param workdir the remote directory that holds runs ({@code ~/} means the remote home)
 * @param setup a shell line run before each trial (e.g. {@code source ~/venv/bin/activate}), or {@code null}
 * @param env variables set for every trial on this host
 * @param slots trials this host runs at once
 * @param gpus GPU ids handed out one per running trial as {@code CUDA_VISIBLE_DEVICES}; empty for none
 */
public record SshTarget(String host, Integer port, String user, Path key, Path knownHosts, String jump,
    String workdir, String setup, Map<String, String> env, int slots, List<String> gpus) {
  /** Where runs go when the spec names no workdir. */
  public static final String DEFAULT_WORKDIR = "~/tunelab-runs";

  public SshTarget {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) throw new IllegalArgumentException("host must not be empty");
    if (port != null && (port < 1 || port > 65535)) throw new IllegalArgumentException("port must be 1..65535, got " + port);
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    if (workdir == null || workdir.isBlank()) workdir = DEFAULT_WORKDIR;
    env = env == null ? Map.of() : Map.copyOf(env);
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
  }

  /** A host with every other setting from the SSH config and defaults, one slot. */
  public static SshTarget of(String host) {
    return new SshTarget(host, null, null, null, null, null, null, null, null, 1, null);
  }

  public SshTarget withPort(int newPort) {
    return new SshTarget(host, newPort, user, key, knownHosts, jump, workdir, setup, env, slots, gpus);
  }

  public SshTarget withUser(String newUser) {
    return new SshTarget(host, port, newUser, key, knownHosts, jump, workdir, setup, env, slots, gpus);
  }

  public SshTarget withKey(Path newKey) {
    return new SshTarget(host, port, user, newKey, knownHosts, jump, workdir, setup, env, slots, gpus);
  }

  public SshTarget withKnownHosts(Path newKnownHosts) {
    return new SshTarget(host, port, user, key, newKnownHosts, jump, workdir, setup, env, slots, gpus);
  }

  public SshTarget withJump(String newJump) {
    return new SshTarget(host, port, user, key, knownHosts, newJump, workdir, setup, env, slots, gpus);
  }

  public SshTarget withWorkdir(String newWorkdir) {
    return new SshTarget(host, port, user, key, knownHosts, jump, newWorkdir, setup, env, slots, gpus);
  }

  public SshTarget withSetup(String newSetup) {
    return new SshTarget(host, port, user, key, knownHosts, jump, workdir, newSetup, env, slots, gpus);
  }

  public SshTarget withEnv(Map<String, String> newEnv) {
    return new SshTarget(host, port, user, key, knownHosts, jump, workdir, setup, newEnv, slots, gpus);
  }

  public SshTarget withSlots(int newSlots) {
    return new SshTarget(host, port, user, key, knownHosts, jump, workdir, setup, env, newSlots, gpus);
  }

  public SshTarget withGpus(List<String> newGpus) {
    return new SshTarget(host, port, user, key, knownHosts, jump, workdir, setup, env, slots, newGpus);
  }

  /** {@code user@host:port} with what is known before the SSH config is read, for messages. */
  public String label() {
    return (user != null ? user + "@" : "") + host + (port != null ? ":" + port : "");
  }
}
