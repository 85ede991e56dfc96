package org.tunelab.run.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's SSH connection, shared by every trial running there (each trial opens its own channels
 * on it), and reopened when it drops.
 *
 * <p>Thread-safe: {@link #session()} may be called from any number of trial threads; when the link
 * is down, the first caller reconnects while the others wait for it. The connection owns its MINA
 * client (and the client's threads) until {@link #close()}.
 *
 * <pre>{@code
 * try (SshConnection gpu1 = new SshConnection(SshTarget.of("gpu1"), SshOptions.defaults())) {
 *   RemoteResult r = gpu1.exec("nvidia-smi -L", Duration.ofSeconds(10));
 *   System.out.println(r.ok() ? r.stdout() : "failed: " + r.message());
 * }
 * }</pre>
 */
public final class SshConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  /**
   * Short commands ({@link #exec}) running at once on this connection; more wait. Together with the
   * shells of the trials ({@link SshHost#TRIALS_PER_CONNECTION}) this stays within OpenSSH's default
   * {@code MaxSessions} of 10 channels per connection.
   */
  static final int MAX_COMMAND_CHANNELS = 4;
  private final java.util.concurrent.Semaphore commandChannels = new java.util.concurrent.Semaphore(MAX_COMMAND_CHANNELS, true);

  private final SshTarget target;
  private final SshOptions options;
  private final ResolvedHost host;
  private final KeyFiles keys;
  private final SshClient client;
  private final HostKeyCheck hostKeys;
  private ClientSession session;
  private boolean closed;
  private final Deque<RemoteShell> idleShells = new ArrayDeque<>(); // guarded by this

  /**
   * Reads the SSH config for the target; connects only when a session is first asked for.
   *
   * @throws java.io.UncheckedIOException when the SSH config cannot be read
   */
  public SshConnection(SshTarget target, SshOptions options) {
    this(target, options, null);
  }

  /**
   * A second connection to the host of {@code sibling}, with its resolved settings and its keys (a
   * passphrase given once is not asked again).
   */
  SshConnection(SshConnection sibling) {
    this(sibling.target, sibling.options, sibling);
  }

  private SshConnection(SshTarget target, SshOptions options, SshConnection sibling) {
    this.target = target;
    this.options = options;
    this.host = sibling == null ? ResolvedHost.resolve(target, options) : sibling.host;
    this.keys = sibling == null ? new KeyFiles(host.keys(), options.passphrases()) : sibling.keys;
    this.client = SshClient.setUpDefaultClient();
    this.hostKeys = new HostKeyCheck(host.knownHosts(), host.hostName(), host.port(), options.trustNewHost());
    client.setServerKeyVerifier(hostKeys);
    client.setHostConfigEntryResolver(ResolvedHost.resolver(options.sshConfig()));
    client.setKeyIdentityProvider(keys);
    SshAgentClient.factory(options.agentSocket()).ifPresent(client::setAgentFactory);
    client.setNioWorkers(2);
    // Keepalives notice a link that died without a reset (cable, VPN, suspended laptop) within ~20 s.
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(5));
    CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, Duration.ofSeconds(5));
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
    // A trial may print nothing for hours; the keepalives, not silence, decide whether the link is alive.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ofDays(365));
    client.start();
  }

  public SshTarget target() {
    return target;
  }

  /** {@code user@host:port}, as resolved from the spec and the SSH config, for messages. */
  public String label() {
    return host.label();
  }

  ResolvedHost resolved() {
    return host;
  }

  /**
   * An open, authenticated session: the current one, or a new one after a single attempt.
   *
   * @throws SshException when connecting fails; {@link SshException.Kind#UNREACHABLE} when it may work later
   */
  public synchronized ClientSession session() {
    if (closed) throw new SshException(SshException.Kind.UNREACHABLE, host.label() + ": the connection was closed");
    if (session != null && session.isOpen() && session.isAuthenticated()) return session;
    if (session != null) session.close(true);
    session = null;
    session = connectOnce();
    return session;
  }

  /**
   * Like {@link #session()}, but a host that is unreachable is tried again, with pauses from 250 ms
   * doubling up to {@link SshOptions#maxBackoff()}, for up to {@code limit}.
   *
   * @param cancelled checked between attempts; when it turns true the last failure is thrown
   * @throws SshException when the limit passes, on a failure retrying cannot fix, or when cancelled
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public ClientSession sessionWithRetry(Duration limit, BooleanSupplier cancelled) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Duration pause = FIRST_BACKOFF;
    int attempt = 0;
    while (true) {
      try {
        return session();
      } catch (SshException e) {
        attempt++;
        if (!e.kind().isTransient() || System.nanoTime() + pause.toNanos() > deadline || cancelled.getAsBoolean()) throw e;
        LOG.info("{}: attempt {} failed ({}); retrying in {} ms", host.label(), attempt, e.getMessage(), pause.toMillis());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : pause.multipliedBy(2);
      }
    }
  }

  /**
   * Runs a short command on the host and collects its output. Nothing is on its stdin.
   *
   * @throws SshException {@link SshException.Kind#UNREACHABLE} when the connection fails or drops
   *     before the command ends, {@link SshException.Kind#REMOTE} when it does not end within {@code timeout}
   */
  public RemoteResult exec(String command, Duration timeout) {
    return exec(command, null, timeout);
  }

  /** Like {@link #exec(String, Duration)}, with {@code stdin} (read to its end) on the command's stdin. */
  RemoteResult exec(String command, java.io.InputStream stdin, Duration timeout) {
    try {
      if (!commandChannels.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new SshException(SshException.Kind.REMOTE, host.label() + ": " + MAX_COMMAND_CHANNELS
            + " commands were still running after " + timeout.toSeconds() + " s; not running: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshException(SshException.Kind.REMOTE, host.label() + ": interrupted before running: " + command, e);
    }
    try {
      return execOnChannel(command, stdin, timeout);
    } finally {
      commandChannels.release();
    }
  }

  private RemoteResult execOnChannel(String command, java.io.InputStream stdin, Duration timeout) {
    ClientSession s = session();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec ch = s.createExecChannel(command)) {
      ch.setOut(out);
      ch.setErr(err);
      if (stdin != null) ch.setIn(stdin);
      ch.open().verify(timeout.toMillis());
      Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout.toMillis());
      Integer status = ch.getExitStatus();
      if (status == null && events.contains(ClientChannelEvent.TIMEOUT)) {
        throw new SshException(SshException.Kind.REMOTE, host.label() + ": no answer within " + timeout.toSeconds()
            + " s from: " + command);
      }
      if (status == null && ch.getExitSignal() != null) {
        return new RemoteResult(128 + 15, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
            + "killed by signal " + ch.getExitSignal());
      }
      if (status == null && s.isOpen()) {
        throw new SshException(SshException.Kind.REMOTE, host.label() + ": the command ended without an exit status: " + command);
      }
      if (status == null) {
        invalidate(s);
        throw new SshException(SshException.Kind.UNREACHABLE, host.label() + ": the connection dropped while running: " + command);
      }
      return new RemoteResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      invalidate(s);
      throw new SshException(SshException.Kind.UNREACHABLE, host.label() + ": the connection failed while running "
          + command + ": " + rootMessage(e), e);
    }
  }

  /**
   * A shell on {@code s} for one trial: an idle one left by an earlier trial, or a new one.
   *
   * @throws IOException when the channel cannot be opened (the link dropped)
   */
  RemoteShell takeShell(ClientSession s) throws IOException {
    synchronized (this) {
      while (!idleShells.isEmpty()) {
        RemoteShell shell = idleShells.pop();
        if (shell.session() == s && shell.isOpen()) return shell;
        shell.close();
      }
    }
    return RemoteShell.open(s, options.connectTimeout());
  }

  /** Gives back a shell whose script ended cleanly, for the next trial. */
  synchronized void returnShell(RemoteShell shell) {
    shell.detach();
    if (!closed && shell.isOpen() && shell.session() == session && idleShells.size() < 32) idleShells.push(shell);
    else shell.close();
  }

  /** Drops the current session if it is still the given one (after a channel saw the link fail). */
  synchronized void invalidate(ClientSession broken) {
    if (session == broken && broken != null) {
      broken.close(true);
      session = null;
    }
  }

  private ClientSession connectOnce() {
    long timeoutMs = options.connectTimeout().toMillis();
    ClientSession s = null;
    hostKeys.clear();
    try {
      HostConfigEntry entry = new HostConfigEntry(host.alias(), host.hostName(), host.port(), host.user(), host.jump());
      ConnectFuture future = client.connect(entry, null, null);
      future.verify(timeoutMs);
      s = future.getSession();
      s.auth().verify(timeoutMs);
      LOG.debug("{}: connected", host.label());
      return s;
    } catch (IOException | RuntimeException e) {
      SshException translated = translate(s, e);
      if (s != null) s.close(true);
      throw translated;
    }
  }

  private SshException translate(ClientSession s, Exception e) {
    HostKeyCheck.Refusal refusal = hostKeys.refusal();
    if (refusal != null) {
      return new SshException(refusal.changed() ? SshException.Kind.HOST_KEY_CHANGED : SshException.Kind.HOST_KEY_UNKNOWN,
          host.label() + ": refused: " + refusal.message(), e);
    }
    String why = rootMessage(e);
    if (s != null && (why.contains("No more authentication methods") || why.contains("authentication"))) {
      StringBuilder m = new StringBuilder(host.label() + ": authentication failed for user " + host.user() + ": ");
      for (String p : keys.problems()) m.append(p).append("; ");
      m.append("offered ");
      m.append(keys.files().size() == 1 ? "key " + keys.files().get(0) : "keys " + keys.files());
      if (options.agentSocket() != null) m.append(" and the keys of the ssh-agent at ").append(options.agentSocket());
      m.append("; check that the public key is in ~").append(host.user()).append("/.ssh/authorized_keys on the host");
      return new SshException(SshException.Kind.AUTH, m.toString(), e);
    }
    Throwable root = root(e);
    String hint;
    if (root instanceof ConnectException) hint = "connection refused (is sshd running there, and is port " + host.port() + " right?)";
    else if (root instanceof UnknownHostException) hint = "unknown host name " + host.hostName() + " (not in DNS or /etc/hosts, and no Host alias in " + options.sshConfig() + ")";
    else if (root instanceof NoRouteToHostException) hint = "no route to host";
    else if (why.toLowerCase().contains("timeout") || why.toLowerCase().contains("timed out")) hint = "no answer within " + options.connectTimeout().toSeconds() + " s (host down or firewalled?)";
    else hint = why;
    return new SshException(SshException.Kind.UNREACHABLE, host.label() + ": cannot connect: " + hint, e);
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) b.append(t.getMessage()).append(' ');
    }
    return b.toString().trim();
  }

  /** Closes the session and stops the client's threads. Trials still running on the host keep running. */
  @Override
  public void close() {
    ClientSession s;
    synchronized (this) {
      closed = true;
      s = session;
      session = null;
    }
    synchronized (this) {
      idleShells.forEach(RemoteShell::close);
      idleShells.clear();
    }
    if (s != null) s.close(false);
    client.stop();
  }
}
