package org.tunelab.run.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.run.CommandFailedException;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialContext;
import org.tunelab.run.StaleTrialCleaner;
import org.tunelab.run.TrialLostException;
import org.tunelab.run.TrialRunner;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;

/**
 * Runs trials on SSH hosts and, optionally, on local slots, as one {@link TrialRunner}: each trial
 * takes a free slot ({@link SlotBoard}), on a host with its own slots and GPUs, or locally. An
 * executor in front of it runs {@link #slots()} trials at once.
 *
 * <p>A host that cannot be reached is reported once, skipped for a while (5 s, doubling up to a
 * minute) and tried again later; a trial that was about to start there goes to another free slot
 * instead, so it is re-queued rather than failed. A host lost while trials ran there (the link did
 * not come back within its reconnect timeout) is skipped the same way, and its trials end with
 * {@link TrialLostException}: the executor marks them FAIL and re-queues copies that run on other
 * slots; their programs, if they still run there, are killed when the host answers again. A host that refuses TuneLab (host key,
 * authentication, working directory, code too big) is taken out of the run for good. When no slot
 * is left at all, trials fail with the hosts' messages.
 *
 * <p>Thread-safe, as {@link TrialRunner} requires. Owns its hosts' connections until {@link #close()};
 * trials running on a host when the runner is closed keep running there.
 *
 * <pre>{@code
 * try (SshTrialRunner runner = SshTrialRunner.builder(command, SshOptions.defaults(), "study")
 *     .host(SshTarget.of("gpu1").withSlots(4).withGpus(List.of("0", "1", "2", "3"))).build()) {
 *   new LocalExecutor(study, runner, ExecutorOptions.slots(runner.slots()).withTrials(100)).run();
 * }
 * }</pre>
 */
public final class SshTrialRunner implements TrialRunner, StaleTrialCleaner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SshTrialRunner.class);

  private final TrialCommand command;
  private final List<SshHost> hosts;
  private final TrialRunner local;
  private final SlotBoard board;
  private final Duration giveUpAfter;

  private SshTrialRunner(Builder b) {
    this.command = b.command;
    this.local = b.local;
    List<SshHost> list = new ArrayList<>();
    for (int i = 0; i < b.targets.size(); i++) {
      Duration reconnect = b.reconnectTimeouts.get(i);
      SshOptions hostOptions = reconnect == null ? b.options : b.options.withReconnectFor(reconnect);
      list.add(new SshHost(b.targets.get(i), hostOptions, b.studyName, b.command.workdir(), b.limits));
    }
    this.hosts = List.copyOf(list);
    this.board = new SlotBoard(b.localSlots, b.localGpus, b.gpusPerTrial, hosts);
    this.giveUpAfter = b.options.reconnectFor();
  }

  /**
   * @param command the program run per trial; its workdir is what is shipped to the hosts
   * @param studyName names the run's directory on each host
   */
  public static Builder builder(TrialCommand command, SshOptions options, String studyName) {
    return new Builder(command, options, studyName);
  }

  /** Trials this runner can run at once: local slots plus every host's. */
  public int slots() {
    return board.totalSlots();
  }

  /**
   * Connects to every host and ships the code, all hosts at once; hosts that are down are reported
   * and skipped (tried again when trials need them).
   *
   * @throws SshException when no slot is left: every host refused or is down and there is no local slot
   */
  public void prepare() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (SshHost h : hosts) {
      Thread t = new Thread(() -> {
        try {
          h.prepare();
          board.markUp(h);
        } catch (SshException e) {
          board.markFailed(h, e);
        } catch (RuntimeException e) {
          board.markFailed(h, new SshException(SshException.Kind.REMOTE, h.label() + ": " + e.getMessage(), e));
        }
      }, "tunelab-ssh-prepare");
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
    board.requireSomeSlot();
  }

  @Override
  public List<Double> run(Trial trial, TrialContext context) throws InterruptedException {
    long giveUp = System.nanoTime() + giveUpAfter.toNanos();
    // One directory name per trial: a start retried on the same host finds it and starts nothing twice.
    String token = SshHost.newToken();
    while (true) {
      SlotBoard.Slot slot = board.take(giveUp);
      try {
        if (slot.host() == null) {
          return local.run(trial, new TrialContext(context.slot(), slot.gpus(), context.logDir(), context.output()));
        }
        LOG.debug("trial {} on {}", trial.number(), slot.host().label());
        List<Double> values;
        try {
          values = slot.host().run(trial, context, command, slot.gpus(), token);
        } catch (TrialLostException e) {
          // The host went away under a running trial: skipped for a while; the executor re-queues the trial.
          board.markFailed(slot.host(), new SshException(SshException.Kind.UNREACHABLE, e.getMessage()));
          throw e;
        } catch (RuntimeException e) {
          if (!(e instanceof SshException)) board.markUp(slot.host());
          throw e;
        }
        board.markUp(slot.host());
        return values;
      } catch (SshException e) {
        // The trial did not start there: the host is skipped and the trial takes another slot.
        board.markFailed(slot.host(), e);
        if (System.nanoTime() > giveUp || board.noSlotLeft()) {
          throw new CommandFailedException("no host could run trial " + trial.number() + ": " + board.problems());
        }
      } finally {
        board.release(slot);
      }
    }
  }

  /**
   * Ends the program a dead runner left on one of this runner's hosts (the trial's
   * {@code tunelab:remote} attribute names host and directory), so nothing runs on orphaned there:
   * a program still running is killed with its process group; one that had ended is left as it is.
   * Trials of other hosts, or of none, are left alone.
   *
   * @return what was found, for the trial's fail reason, or {@code null} when it did not run on a host of this runner
   */
  @Override
  public String cleanUp(FrozenTrial trial) {
    if (!(trial.systemAttrs().get(SshHost.REMOTE_ATTR) instanceof String remote)) return null;
    for (SshHost h : hosts) {
      String prefix = h.label() + ":";
      if (remote.startsWith(prefix)) return h.reap(remote.substring(prefix.length()));
    }
    return null;
  }

  /** Closes the hosts' connections. */
  @Override
  public void close() {
    hosts.forEach(SshHost::close);
  }

  /** The slots, for messages: {@code 1 local slot(s), alice@gpu1:22 (4 slots)}. */
  public String describeSlots() {
    return board.toString();
  }

  @Override
  public String toString() {
    return command.template() + " on " + board;
  }

  /** Collects the hosts and local slots of a runner. */
  public static final class Builder {
    private final TrialCommand command;
    private final SshOptions options;
    private final String studyName;
    private final List<SshTarget> targets = new ArrayList<>();
    private final List<Duration> reconnectTimeouts = new ArrayList<>();
    private TrialRunner local;
    private int localSlots;
    private List<String> localGpus = List.of();
    private int gpusPerTrial = 1;
    private CodeSync.Limits limits = CodeSync.Limits.defaults();

    private Builder(TrialCommand command, SshOptions options, String studyName) {
      this.command = Objects.requireNonNull(command, "command");
      this.options = Objects.requireNonNull(options, "options");
      this.studyName = Objects.requireNonNull(studyName, "studyName");
    }

    public Builder host(SshTarget target) {
      return host(target, null);
    }

    /**
     * A host whose dropped connection is retried for {@code reconnectTimeout} (instead of the
     * options' {@link SshOptions#reconnectFor()}) before its running trials are given up and re-queued.
     */
    public Builder host(SshTarget target, Duration reconnectTimeout) {
      targets.add(Objects.requireNonNull(target, "target"));
      reconnectTimeouts.add(reconnectTimeout);
      return this;
    }

    /** Local slots beside the hosts, run by {@code runner} (a {@link org.tunelab.run.CommandTrialRunner}). */
    public Builder local(TrialRunner runner, int slots, List<String> gpus) {
      this.local = Objects.requireNonNull(runner, "runner");
      this.localSlots = slots;
      this.localGpus = List.copyOf(gpus);
      return this;
    }

    /** GPUs each trial gets, on the hosts and locally (1 by default). */
    public Builder gpusPerTrial(int n) {
      this.gpusPerTrial = n;
      return this;
    }

    /** Size limits on the code shipped (50 MB per file, 200 MB in all by default). */
    public Builder syncLimits(long maxFileBytes, long maxTotalBytes) {
      this.limits = new CodeSync.Limits(maxFileBytes, maxTotalBytes);
      return this;
    }

    public SshTrialRunner build() {
      if (targets.isEmpty() && localSlots == 0) throw new IllegalArgumentException("no host and no local slot");
      return new SshTrialRunner(this);
    }
  }
}
