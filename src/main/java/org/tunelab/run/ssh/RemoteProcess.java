package org.tunelab.run.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.session.ClientSession;
import org.tunelab.run.TrialLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One program running detached on a host (see {@link RemoteScripts}), followed from here: its log is
 * streamed line by line as it grows, and when the connection drops the follower reconnects with
 * backoff and resumes at the first byte it has not seen, while the program runs on.
 *
 * <p>{@link #run} is called once, on the trial's thread, which receives every line; {@link #kill} may
 * be called from any thread. A shutdown hook kills the groups of every process still followed when
 * the JVM exits (Ctrl+C), so stopping TuneLab stops its remote trials too.
 */
final class RemoteProcess {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteProcess.class);
  private static final int TAIL_LINES = 20;
  private static final LogLineSink.Line END = new LogLineSink.Line("", -1);
  private static final Set<RemoteProcess> FOLLOWED = ConcurrentHashMap.newKeySet();
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(RemoteProcess::killAllFollowed, "tunelab-kill-remote-trials"));
  }

  /** Receives each line of the program's output, on the thread that called {@link #run}. */
  @FunctionalInterface
  interface LineHandler {
    /** @return true to end the program now (a pruned trial) */
    boolean line(String text);
  }

  private final SshConnection connection;
  private final SshOptions options;
  private final String trialDir;
  private final String wrapper;
  private final int graceTenths;
  private final AtomicBoolean killSent = new AtomicBoolean();
  private volatile int reconnects;
  private volatile Thread killer;

  /** @param grace how long the program may take to stop after SIGTERM before SIGKILL */
  RemoteProcess(SshConnection connection, SshOptions options, String trialDir, String wrapper, Duration grace) {
    this.graceTenths = (int) Math.max(1, Math.min(36_000, grace.toMillis() / 100));
    this.connection = connection;
    this.options = options;
    this.trialDir = trialDir;
    this.wrapper = wrapper;
  }

  /** How many times the connection was re-established while following. */
  int reconnects() {
    return reconnects;
  }

  /**
   * Starts the program (once, however often the connection drops) and follows it to its end.
   *
   * @param timeout the limit, or {@code null}; past it the group is killed and the outcome says timed out
   * @return the exit status ({@code -1} when the program left none: killed hard, host rebooted) and the
   *     last lines of output that were not reports
   * @throws SshException when the host cannot be reached to start the program (nothing ran; the trial
   *     may go elsewhere)
   * @throws TrialLostException when a dropped connection did not come back within {@link SshOptions#reconnectFor()}
   * @throws InterruptedException when the calling thread is interrupted; the group is killed first
   */
  RemoteOutcome run(Duration timeout, LineHandler handler) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = timeout == null ? Long.MAX_VALUE : begin + timeout.toNanos();
    boolean timedOut = false;
    long offset = 0;
    Deque<String> tail = new ArrayDeque<>();
    long refusedSince = 0;
    FOLLOWED.add(this);
    try {
      for (int attempt = 0; ; attempt++) {
        ClientSession session = attempt == 0 ? connection.session() : reconnect(offset);
        BlockingQueue<LogLineSink.Line> lines = new LinkedBlockingQueue<>();
        String nonce = Long.toHexString(RANDOM.nextLong());
        LogLineSink sink = new LogLineSink(lines, offset, RemoteScripts.END_MARKER + nonce + " ");
        RemoteShell shell;
        try {
          shell = connection.takeShell(session);
          refusedSince = 0;
        } catch (IOException e) {
          // A session still open refused the channel (sshd's MaxSessions): the other trials on it are fine.
          boolean refused = session.isOpen() && session.isAuthenticated();
          if (!refused) connection.invalidate(session);
          if (attempt == 0) {
            // Nothing was sent: the trial did not start here and may go to another host.
            throw new SshException(SshException.Kind.UNREACHABLE, connection.label() + ": cannot start a trial: " + (refused
                ? "the host refused a new channel on a working connection (" + e.getMessage() + "); TuneLab uses up to "
                    + (SshHost.TRIALS_PER_CONNECTION + SshConnection.MAX_COMMAND_CHANNELS) + " channels per connection,"
                    + " OpenSSH's default MaxSessions: raise MaxSessions in the host's sshd_config or give it fewer slots"
                : e.getMessage()), e);
          }
          if (refused) {
            if (refusedSince == 0) refusedSince = System.nanoTime();
            if (System.nanoTime() - refusedSince > options.reconnectFor().toNanos()) {
              throw new TrialLostException(connection.label() + " refused every new channel for "
                  + options.reconnectFor().toSeconds() + " s while the trial ran (" + e.getMessage() + "); the program may"
                  + " still be running there: its log is " + trialDir + "/log (read up to byte " + offset + ")");
            }
            Thread.sleep(1000); // channels free up as other trials end
          }
          reconnects++;
          continue;
        }
        try {
          shell.run(RemoteScripts.startAndFollow(trialDir, wrapper, offset, nonce), sink, () -> lines.add(END));
        } catch (IOException e) {
          // The lines may have reached the host and started the trial: never start it elsewhere, but
          // send them again here, which starts it at most once (see RemoteScripts#startAndFollow).
          shell.close();
          connection.invalidate(session);
          reconnects++;
          continue;
        }
        LogLineSink.Line endLine = null;
        boolean clean = false;
        try {
          while (true) {
            LogLineSink.Line line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == END) break;
            if (line != null && line.endOffset() == LogLineSink.END_OF_LOG) {
              endLine = line;
              break;
            }
            if (line != null) {
              offset = line.endOffset();
              keep(tail, line.text());
              if (handler.line(line.text())) killInBackground("it was pruned", graceTenths);
            } else if (!timedOut && System.nanoTime() > deadline) {
              timedOut = true;
              killInBackground("it ran past its time limit", 1);
            }
          }
          clean = endLine != null;
        } finally {
          if (clean) connection.returnShell(shell);
          else shell.close();
        }
        if (endLine != null) {
          // "<marker><nonce> <script status> <exit status or 'missing'>"
          String[] f = endLine.text().split(" ");
          String status = f.length >= 3 ? f[2] : "missing";
          int exit = status.matches("\\d+") ? Integer.parseInt(status) : -1;
          List<String> lastLines = new ArrayList<>(tail);
          String shellErrors = shell.stderr().strip();
          if (!shellErrors.isEmpty()) lastLines.add(shellErrors);
          if (exit == -1 && !killSent.get()) lastLines.add("the program on " + connection.label()
              + " ended without an exit status (killed with SIGKILL, or the host restarted); its log: " + trialDir + "/log");
          return new RemoteOutcome(timedOut ? -1 : exit, timedOut, lastLines, Duration.ofNanos(System.nanoTime() - begin), reconnects);
        }
        // No end marker: the link dropped under the follower. The program runs on; follow it again.
        connection.invalidate(session);
        reconnects++;
        LOG.warn("{}: lost the connection while following {} (at byte {}); reconnecting", connection.label(), trialDir, offset);
      }
    } catch (InterruptedException e) {
      killNow("the run was stopped");
      throw e;
    } finally {
      FOLLOWED.remove(this);
      // The program is gone once its log ended; let the kill command finish before the caller moves on
      // (and perhaps closes the connection under it).
      Thread k = killer;
      if (k != null) k.join(5000);
    }
  }

  private ClientSession reconnect(long offset) throws InterruptedException {
    try {
      return connection.sessionWithRetry(options.reconnectFor(), () -> false);
    } catch (SshException e) {
      throw new TrialLostException("lost the connection to " + connection.label() + " while the trial ran, and it did not"
          + " come back within " + options.reconnectFor().toSeconds() + " s (" + e.getMessage() + "); the program may still"
          + " be running there: its log is " + trialDir + "/log (read up to byte " + offset + ")");
    }
  }

  private static void keep(Deque<String> tail, String line) {
    if (line.startsWith("@tunelab ") || line.isBlank()) return;
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) tail.removeFirst();
  }

  /** Kills the program's group from another thread, so the follower keeps reading until the log ends. */
  void killInBackground(String why, int tenths) {
    if (killSent.getAndSet(true)) return;
    Thread t = new Thread(() -> {
      try {
        connection.sessionWithRetry(options.reconnectFor(), () -> false);
        sendKill(why, tenths);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (SshException e) {
        LOG.warn("{}: could not kill {} ({}): {}", connection.label(), trialDir, why, e.getMessage());
      }
    }, "tunelab-ssh-kill");
    t.setDaemon(true);
    killer = t;
    t.start();
  }

  /** Kills the program's group and waits for that (a few seconds at most); for stopping. */
  void killNow(String why) {
    killSent.set(true);
    try {
      sendKill(why, Math.min(graceTenths, 30));
    } catch (SshException e) {
      LOG.warn("{}: could not kill {} ({}): {}", connection.label(), trialDir, why, e.getMessage());
    }
  }

  private void sendKill(String why, int tenths) {
    LOG.debug("{}: killing the process group of {} because {}", connection.label(), trialDir, why);
    RemoteResult r = connection.exec(RemoteScripts.kill(trialDir, tenths), Duration.ofSeconds(10 + tenths / 10));
    if (!r.ok()) LOG.warn("{}: killing {} failed: {}", connection.label(), trialDir, r.message());
  }

  private static void killAllFollowed() {
    List<Thread> killers = new ArrayList<>();
    for (RemoteProcess p : FOLLOWED) {
      Thread t = new Thread(() -> p.killNow("TuneLab is stopping"), "tunelab-ssh-kill-on-exit");
      t.start();
      killers.add(t);
    }
    for (Thread t : killers) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
