package org.tunelab.run.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How TuneLab connects, the same for every host of a run.
 *
 * @param sshConfig the OpenSSH client config whose {@code Host} aliases are honoured ({@code ~/.ssh/config})
 * @param passphrases asked for the passphrase of an encrypted key
 * @param trustNewHost accept and record an unknown host key (as {@code StrictHostKeyChecking accept-new});
 *     only when the user asked for it explicitly. A changed key is refused regardless.
 * @param connectTimeout the limit for one connection attempt (TCP, handshake and authentication)
 * @param reconnectFor how long a dropped connection is retried before the trials on it fail
 * @param maxBackoff the longest pause between reconnection attempts (they start at 250 ms and double)
 * @param agentSocket the ssh-agent's socket, or {@code null} for none
 *
 * <pre>{@code
 * SshOptions options = SshOptions.defaults().withTrustNewHost(true).withReconnectFor(Duration.ofMinutes(2));
 * }</pre>
 */
public record SshOptions(Path sshConfig, PassphraseSource passphrases, boolean trustNewHost, Duration connectTimeout,
    Duration reconnectFor, Duration maxBackoff, Path agentSocket) {
  public SshOptions {
    Objects.requireNonNull(sshConfig, "sshConfig");
    Objects.requireNonNull(passphrases, "passphrases");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(reconnectFor, "reconnectFor");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /**
   * {@code ~/.ssh/config}, the passphrase from {@code TUNELAB_SSH_PASSPHRASE} or else asked on the
   * terminal, unknown hosts refused,
   * 15 s to connect, 10 minutes of reconnecting with pauses of at most 4 s (so a trial's result is in
   * within seconds of the link coming back).
   */
  public static SshOptions defaults() {
    return new SshOptions(userHome().resolve(".ssh").resolve("config"), PassphraseSource.environment("TUNELAB_SSH_PASSPHRASE").orElse(PassphraseSource.console()),
        false, Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofSeconds(4), agentFromEnvironment());
  }

  /** {@code SSH_AUTH_SOCK}, when it names a socket that exists. */
  static Path agentFromEnvironment() {
    String s = System.getenv("SSH_AUTH_SOCK");
    if (s == null || s.isBlank()) return null;
    Path p = Path.of(s);
    return java.nio.file.Files.exists(p) ? p : null;
  }

  /** Another ssh-agent socket, or {@code null} to use no agent. */
  public SshOptions withAgentSocket(Path socket) {
    return new SshOptions(sshConfig, passphrases, trustNewHost, connectTimeout, reconnectFor, maxBackoff, socket);
  }

  public SshOptions withSshConfig(Path file) {
    return new SshOptions(file, passphrases, trustNewHost, connectTimeout, reconnectFor, maxBackoff, agentSocket);
  }

  public SshOptions withPassphrases(PassphraseSource source) {
    return new SshOptions(sshConfig, source, trustNewHost, connectTimeout, reconnectFor, maxBackoff, agentSocket);
  }

  public SshOptions withTrustNewHost(boolean trust) {
    return new SshOptions(sshConfig, passphrases, trust, connectTimeout, reconnectFor, maxBackoff, agentSocket);
  }

  public SshOptions withReconnectFor(Duration limit) {
    return new SshOptions(sshConfig, passphrases, trustNewHost, connectTimeout, limit, maxBackoff, agentSocket);
  }

  public SshOptions withConnectTimeout(Duration limit) {
    return new SshOptions(sshConfig, passphrases, trustNewHost, limit, reconnectFor, maxBackoff, agentSocket);
  }

  static Path userHome() {
    return Path.of(System.getProperty("user.home"));
  }

  /** {@code ~/x} to the local home; other paths as they are. */
  static Path expandHome(String path) {
    if (path.equals("~")) return userHome();
    if (path.startsWith("~/")) return userHome().resolve(path.substring(2));
    return Path.of(path);
  }
}
