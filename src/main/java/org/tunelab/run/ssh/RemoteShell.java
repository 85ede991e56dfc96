package org.tunelab.run.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;

/**
 * A long-lived {@code sh} on a host that runs the scripts written to its stdin, one at a time. Every
 * new SSH command costs a session on the host, which runs the user's login shell and its rc files
 * (hundreds of milliseconds with pyenv or conda set up there); a trial sent to a shell that is
 * already running costs only its own script, which is how the per-trial overhead stays small.
 *
 * <p>Used by one trial at a time (the {@link SshConnection} pool hands it out); output arrives on
 * MINA's I/O thread into the sink of the current script.
 */
final class RemoteShell implements AutoCloseable {
  private final ClientSession session;
  private final ChannelExec channel;
  private final OutputStream stdin;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private volatile OutputStream target = OutputStream.nullOutputStream();
  private volatile Runnable onClose = () -> { };

  /** Opens a shell on the session. */
  static RemoteShell open(ClientSession session, Duration timeout) throws IOException {
    // bash without rc files when there is one: it reaps background children while a tail runs.
    ChannelExec ch = session.createExecChannel("command -v bash >/dev/null 2>&1 && exec bash --norc --noprofile; exec sh");
    return new RemoteShell(session, ch, timeout);
  }

  private RemoteShell(ClientSession session, ChannelExec ch, Duration timeout) throws IOException {
    this.session = session;
    this.channel = ch;
    ch.setOut(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        target.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
      }
    });
    ch.setErr(new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (stderr) {
          if (stderr.size() < 64 * 1024) stderr.write(b);
        }
      }
    });
    ch.addChannelListener(new ChannelListener() {
      @Override
      public void channelClosed(Channel c, Throwable reason) {
        onClose.run();
      }
    });
    ch.open().verify(timeout.toMillis());
    this.stdin = ch.getInvertedIn();
  }

  ClientSession session() {
    return session;
  }

  boolean isOpen() {
    return channel.isOpen() && !channel.isClosing() && session.isOpen();
  }

  /**
   * Runs {@code script}; its stdout goes to {@code out} and {@code closed} runs if the channel closes
   * (the link dropped) before it ends. The caller knows the script's end from its own output.
   */
  void run(String script, OutputStream out, Runnable closed) throws IOException {
    synchronized (stderr) {
      stderr.reset();
    }
    this.target = out;
    this.onClose = closed;
    if (!isOpen()) {
      closed.run();
      return;
    }
    stdin.write(script.getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** What the shell printed on stderr since the current script was sent. */
  String stderr() {
    synchronized (stderr) {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }

  /** Stops using this shell for output; it may be handed to another trial. */
  void detach() {
    target = OutputStream.nullOutputStream();
    onClose = () -> { };
  }

  @Override
  public void close() {
    detach();
    channel.close(true);
  }
}
