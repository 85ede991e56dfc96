package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server (Debian's {@code /usr/sbin/sshd}) on 127.0.0.1 and a free port, for one test
 * class: throwaway host key, user keys (one with the passphrase {@link #PASSPHRASE}, one that is not
 * authorized), its own config, authorized_keys and pid file in a temporary directory. The current
 * user logs in (root is allowed by key only).
 *
 * <p>Tests skip when sshd is missing, unless {@code -Dtunelab.requireSsh=true} (CI) makes that a failure.
 */
final class LocalSshd implements AutoCloseable {

  /**
   * Options every test connection shares: no ~/.ssh/config (the tests name their hosts), no
   * passphrase prompt, and a short connect timeout so a failing test fails fast.
   */
  static SshOptions testOptions(Path dir) {
    return SshOptions.defaults().withSshConfig(dir.resolve("no_ssh_config")).withPassphrases(PassphraseSource.none())
        .withConnectTimeout(java.time.Duration.ofSeconds(5));
  }
  static final String PASSPHRASE = "correct horse battery";
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  final Path dir;
  final int port;
  final Path userKey;
  final Path encryptedKey;
  final Path strangerKey;
  final Path knownHosts;
  final Path emptyKnownHosts;
  private Process process;

  /** Skips (or fails, when sshd is required) the calling test class when there is no sshd. */
  static void assumeAvailable() {
    boolean present = Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    if (!present && Boolean.getBoolean("tunelab.requireSsh")) {
      fail("/usr/sbin/sshd or ssh-keygen is missing but -Dtunelab.requireSsh=true: apt-get install -y openssh-server openssh-client");
    }
    assumeTrue(present, "SSH tests skipped: /usr/sbin/sshd is missing (apt-get install -y openssh-server openssh-client)");
  }

  static LocalSshd start(Path dir) throws IOException, InterruptedException {
    return start(dir, true);
  }

  /** @param sftp whether the server offers the SFTP subsystem (minimal hosts do not) */
  static LocalSshd start(Path dir, boolean sftp) throws IOException, InterruptedException {
    assumeAvailable();
    return new LocalSshd(dir, sftp, true);
  }

  /** A server with OpenSSH's default limits: {@code MaxSessions 10} channels per connection. */
  static LocalSshd startWithDefaultLimits(Path dir) throws IOException, InterruptedException {
    assumeAvailable();
    return new LocalSshd(dir, true, null);
  }

  /** A server that allows only {@code maxSessions} channels per connection. */
  static LocalSshd startWithMaxSessions(Path dir, int maxSessions) throws IOException, InterruptedException {
    assumeAvailable();
    return new LocalSshd(dir, true, maxSessions);
  }

  private LocalSshd(Path dir, boolean sftp, boolean roomy) throws IOException, InterruptedException {
    this(dir, sftp, roomy ? Integer.valueOf(30) : null);
  }

  /** @param maxSessions the server's MaxSessions, or {@code null} for OpenSSH's default (10) */
  private LocalSshd(Path dir, boolean sftp, Integer maxSessions) throws IOException, InterruptedException {
    this.dir = dir;
    this.port = freePort();
    Path hostKey = dir.resolve("host_ed25519");
    keygen(hostKey, "");
    userKey = dir.resolve("user_ed25519");
    keygen(userKey, "");
    encryptedKey = dir.resolve("user_encrypted");
    keygen(encryptedKey, PASSPHRASE);
    strangerKey = dir.resolve("stranger_ed25519");
    keygen(strangerKey, "");
    Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("user_ed25519.pub"))
        + Files.readString(dir.resolve("user_encrypted.pub")));
    String hostPub = Files.readString(dir.resolve("host_ed25519.pub")).trim();
    String[] parts = hostPub.split(" ");
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n");
    emptyKnownHosts = dir.resolve("empty_known_hosts");
    Files.writeString(emptyKnownHosts, "");
    Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "ListenAddress 127.0.0.1",
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "StrictModes no",
        "UsePAM no",
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        maxSessions != null ? "MaxSessions " + maxSessions : "",
        maxSessions != null && maxSessions >= 30 ? "MaxStartups 30" : "",
        "LogLevel ERROR",
        sftp ? "Subsystem sftp /usr/lib/openssh/sftp-server" : "", ""));
    // sshd insists on its privilege separation directory even in debug-free foreground mode.
    Files.createDirectories(Path.of("/run/sshd"));
    startProcess();
  }

  private void startProcess() throws IOException, InterruptedException {
    process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString(), "-p",
        String.valueOf(port)).redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
    // A test JVM stopped by a timeout must not leave a listening sshd behind.
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "tunelab-test-sshd-stop"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) fail("sshd exited at once: " + Files.readString(dir.resolve("sshd.log")));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    fail("sshd did not listen on port " + port + " within 10 s: " + Files.readString(dir.resolve("sshd.log")));
  }

  /** The server as a target: this user, the unencrypted key, the known_hosts that trusts it. */
  SshTarget target() {
    return SshTarget.of("127.0.0.1").withPort(port).withUser(System.getProperty("user.name")).withKey(userKey)
        .withKnownHosts(knownHosts).withWorkdir(dir.resolve("remote").toString());
  }

  /**
   * Cuts every open connection, as a dropped link would: SIGKILLs the sshd processes serving
   * sessions (the listener's children and their sshd children), found by parent pid. Their shells
   * and tails then die of the closed pipes, as on a real host; detached trials run on.
   *
   * @return how many sshd processes were killed
   */
  int cutConnections() {
    List<ProcessHandle> serving = new ArrayList<>();
    process.toHandle().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/sshd")).orElse(false))
        .forEach(serving::add);
    serving.forEach(ProcessHandle::destroyForcibly);
    return serving.size();
  }

  /** Stops listening and cuts connections: the host is down. */
  void stop() throws InterruptedException {
    // Frozen first, so that no connection is accepted between the cut and the end of the listener
    // (a reconnect in that window would be served by a child that outlives the listener).
    try {
      new ProcessBuilder("kill", "-STOP", String.valueOf(process.pid())).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop sshd: " + e.getMessage(), e);
    }
    cutConnections();
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /** Listens again on the same port (the link is back). */
  void restart() throws IOException, InterruptedException {
    if (process.isAlive()) return;
    startProcess();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void keygen(Path file, String passphrase) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "tunelab-test", "-f",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) fail("ssh-keygen failed: " + out);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
