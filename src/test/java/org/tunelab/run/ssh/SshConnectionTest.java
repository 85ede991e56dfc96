package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting to a real sshd: keys, passphrases, host key verification, a host that is down. */
class SshConnectionTest {
  @TempDir static Path dir;
  static LocalSshd sshd;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private static SshOptions options() {
    return LocalSshd.testOptions(dir);
  }

  @Test
  void runsACommandWithAKnownHostAndAnAuthorizedKey() {
    try (SshConnection c = new SshConnection(sshd.target(), options())) {
      RemoteResult r = c.exec("echo hello; echo oops >&2; exit 3", Duration.ofSeconds(10));
      assertEquals(new RemoteResult(3, "hello\n", "oops\n"), r);
    }
  }

  @Test
  void reusesOneSessionForManyCommands() {
    try (SshConnection c = new SshConnection(sshd.target(), options())) {
      var first = c.session();
      for (int i = 0; i < 5; i++) c.exec("true", Duration.ofSeconds(10));
      assertTrue(first == c.session(), "the session was replaced");
    }
  }

  @Test
  void refusesAnUnknownHostKeyAndSaysHowToTrustIt() {
    SshTarget t = sshd.target().withKnownHosts(sshd.emptyKnownHosts);
    try (SshConnection c = new SshConnection(t, options())) {
      SshException e = assertThrows(SshException.class, c::session);
      assertEquals(SshException.Kind.HOST_KEY_UNKNOWN, e.kind());
      assertTrue(e.getMessage().contains("is not in " + sshd.emptyKnownHosts), e.getMessage());
      assertTrue(e.getMessage().contains("ssh-keyscan -p " + sshd.port + " 127.0.0.1 >> "), e.getMessage());
      assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
    }
  }

  @Test
  void trustsANewHostOnlyWhenAskedAndRecordsIt() throws Exception {
    Path file = dir.resolve("trust_new_known_hosts");
    SshTarget t = sshd.target().withKnownHosts(file);
    try (SshConnection c = new SshConnection(t, options().withTrustNewHost(true))) {
      assertEquals(0, c.exec("true", Duration.ofSeconds(10)).exitCode());
    }
    assertTrue(Files.readString(file).contains("[127.0.0.1]:" + sshd.port), Files.readString(file));
    try (SshConnection c = new SshConnection(t, options())) {
      assertEquals(0, c.exec("true", Duration.ofSeconds(10)).exitCode(), "the recorded key is trusted");
    }
  }

  @Test
  void alwaysRefusesAChangedHostKey() throws Exception {
    Path file = dir.resolve("changed_known_hosts");
    String other = Files.readString(sshd.userKey.resolveSibling("stranger_ed25519.pub")).split(" ")[1];
    Files.writeString(file, "[127.0.0.1]:" + sshd.port + " ssh-ed25519 " + other + "\n");
    SshTarget t = sshd.target().withKnownHosts(file);
    try (SshConnection c = new SshConnection(t, options().withTrustNewHost(true))) {
      SshException e = assertThrows(SshException.class, c::session);
      assertEquals(SshException.Kind.HOST_KEY_CHANGED, e.kind());
      assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains("ssh-keygen -R"), e.getMessage());
    }
  }

  @Test
  void refusesAKeyThatIsNotAuthorized() {
    try (SshConnection c = new SshConnection(sshd.target().withKey(sshd.strangerKey), options())) {
      SshException e = assertThrows(SshException.class, c::session);
      assertEquals(SshException.Kind.AUTH, e.kind());
      assertTrue(e.getMessage().contains("authentication failed") && e.getMessage().contains("authorized_keys"),
          e.getMessage());
    }
  }

  @Test
  void decryptsAPassphraseProtectedKey() {
    SshOptions asked = options().withPassphrases((key, attempt) -> LocalSshd.PASSPHRASE.toCharArray());
    try (SshConnection c = new SshConnection(sshd.target().withKey(sshd.encryptedKey), asked)) {
      assertEquals(0, c.exec("true", Duration.ofSeconds(10)).exitCode());
    }
  }

  @Test
  void explainsAWrongPassphrase() {
    SshOptions wrong = options().withPassphrases((key, attempt) -> "nope".toCharArray());
    try (SshConnection c = new SshConnection(sshd.target().withKey(sshd.encryptedKey), wrong)) {
      SshException e = assertThrows(SshException.class, c::session);
      assertEquals(SshException.Kind.AUTH, e.kind());
      assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
    }
  }

  @Test
  void reportsAHostThatIsDownAsUnreachable() throws Exception {
    SshTarget t = sshd.target().withPort(LocalSshd.freePort());
    try (SshConnection c = new SshConnection(t, options())) {
      SshException e = assertThrows(SshException.class, c::session);
      assertEquals(SshException.Kind.UNREACHABLE, e.kind());
      assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
      long begin = System.nanoTime();
      assertThrows(SshException.class, () -> c.sessionWithRetry(Duration.ofSeconds(1), () -> false));
      assertTrue(System.nanoTime() - begin < 3_000_000_000L, "retried past its limit");
    }
  }

  @Test
  void signsWithTheAgentWhenNoKeyIsGiven() throws Exception {
    Path socket = dir.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("agent.log").toFile()).start();
    try {
      SshTrialRunnerTest.waitFor(() -> Files.exists(socket), 5000);
      ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.userKey.toString()).redirectErrorStream(true);
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      Process p = add.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), out);
      SshTarget noKey = sshd.target().withKey(dir.resolve("no_such_key"));
      try (SshConnection c = new SshConnection(noKey, options().withAgentSocket(socket))) {
        assertEquals("agent\n", c.exec("echo agent", Duration.ofSeconds(10)).stdout());
      }
      try (SshConnection c = new SshConnection(noKey, options().withAgentSocket(null))) {
        assertEquals(SshException.Kind.AUTH, assertThrows(SshException.class, c::session).kind());
      }
    } finally {
      agent.destroy();
    }
  }

  @Test
  void goesThroughAJumpHost() {
    // The server is its own jump host: TuneLab logs in, then tunnels to 127.0.0.1:port from there.
    SshTarget jumped = sshd.target().withJump(System.getProperty("user.name") + "@127.0.0.1:" + sshd.port);
    try (SshConnection c = new SshConnection(jumped, options())) {
      RemoteResult r = c.exec("echo $SSH_CLIENT", Duration.ofSeconds(10));
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(c.label().contains(" via "), c.label());
    }
  }

  @Test
  void honoursAnSshConfigAlias() throws Exception {
    Path config = dir.resolve("ssh_config");
    Files.writeString(config, "Host testbox\n  HostName 127.0.0.1\n  Port " + sshd.port + "\n  User "
        + System.getProperty("user.name") + "\n  IdentityFile " + sshd.userKey + "\n");
    SshTarget alias = SshTarget.of("testbox").withKnownHosts(sshd.knownHosts);
    try (SshConnection c = new SshConnection(alias, options().withSshConfig(config))) {
      assertEquals("ok\n", c.exec("echo ok", Duration.ofSeconds(10)).stdout());
      assertTrue(c.label().startsWith("testbox ("), c.label());
    }
  }
}
