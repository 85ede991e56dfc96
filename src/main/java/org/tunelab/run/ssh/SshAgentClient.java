package org.tunelab.run.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * Talks to the user's ssh-agent over the Unix socket in {@code SSH_AUTH_SOCK}, so keys held by the
 * agent (typically passphrase-protected ones unlocked once per login) sign TuneLab's logins. MINA
 * ships the agent protocol but reaches the socket only through native libraries; Java 16's Unix
 * domain socket channels do it without them.
 *
 * <p>Each request opens the socket, writes one message and reads one answer; MINA calls it on its
 * I/O threads during authentication. Agent forwarding is not offered.
 */
final class SshAgentClient extends AbstractAgentProxy {
  private static final int MAX_ANSWER = 256 * 1024;
  private final Path socket;

  private SshAgentClient(Path socket) {
    super(ThreadUtils.newSingleThreadExecutor("tunelab-ssh-agent"));
    this.socket = socket;
  }

  /** A factory for MINA's client using the agent at {@code socket}; empty when it is {@code null}. */
  static Optional<SshAgentFactory> factory(Path socket) {
    return Optional.ofNullable(socket).map(path -> new SshAgentFactory() {
      @Override
      public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
      }

      @Override
      public SshAgent createClient(Session session, FactoryManager manager) {
        return new SshAgentClient(path);
      }

      @Override
      public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("TuneLab does not forward the agent");
      }
    });
  }

  @Override
  protected Buffer request(Buffer buffer) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
      while (out.hasRemaining()) ch.write(out);
      ByteBuffer length = readFully(ch, 4);
      int n = length.getInt();
      if (n <= 0 || n > MAX_ANSWER) throw new IOException("ssh-agent at " + socket + " sent a message of " + n + " bytes");
      return new ByteArrayBuffer(readFully(ch, n).array());
    }
  }

  private ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) throw new IOException("ssh-agent at " + socket + " closed the connection");
    }
    b.flip();
    return b;
  }

  @Override
  public boolean isOpen() {
    return true;
  }
}
