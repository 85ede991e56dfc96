package org.tunelab.run;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.study.TrialPrunedException;
import org.tunelab.trial.FrozenTrial;

/**
 * Runs a study's trials on this machine, {@code slots} at a time, each through a {@link TrialRunner}
 * on its own worker thread; GPUs are handed out per trial. The run ends when its trial budget is
 * used, its wall-clock limit passed (no trial starts after it; running ones finish), or it is
 * stopped; {@link #run()} returns once every trial it started has ended.
 *
 * <p><b>Never lost.</b> Before starting, stale trials of earlier runs are ended (and re-queued as
 * the {@link RecoveryPolicy} says, after the runner, when it is a {@link StaleTrialCleaner}, ended
 * what they left running elsewhere); WAITING trials run first. A trial whose machine was lost
 * ({@link TrialLostException}) ends FAIL and its re-queued copy runs in this run, beyond the trial
 * budget. Running trials send heartbeats. On
 * Ctrl+C or JVM shutdown, a hook kills every running program with its process tree and marks the
 * trials FAIL, or re-queues them when {@code requeueInterrupted} is set; nothing stays RUNNING.
 *
 * <p><b>Control.</b> {@link #pause()}, {@link #resume()} and {@link #setSlots} act on the study's
 * {@link StudyControl}, so they reach every process running the study, and so do
 * {@code tunelab pause|resume|slots} from another terminal; {@link #stop()} and {@link #stopNow()}
 * stop this executor. All of them may be called from any thread. The executor polls the store
 * every half second; there it also finds requests to kill one running trial
 * ({@link StudyControl#killTrial}), which it honours by killing that trial's program with its process
 * tree and marking the trial FAIL ({@value StudyControl#KILLED_BY_USER}).
 *
 * <p><b>Status.</b> The run records itself in the study's {@link RunStatus} when it starts and when it
 * ends, so that a client opening the study later knows whether it is being run, and by whom.
 *
 * <pre>{@code
 * LocalExecutor executor = new LocalExecutor(study, new CommandTrialRunner(command),
 *     ExecutorOptions.slots(4).withTrials(100).withSpace(space));
 * ExecutionResult result = executor.run();
 * }</pre>
 */
public final class LocalExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);
  private static final long CONTROL_POLL_MILLIS = 500;
  /**
   * How old the control may be when a trial starts. Trials shorter than the poll period would
   * otherwise run dozens of times past a stop or pause given meanwhile; one read of a few
   * attributes per start (at most one per this period) is cheap next to starting a program.
   */
  private static final long CONTROL_FRESH_MILLIS = 50;

  private final Study study;
  private final TrialRunner runner;
  private final ExecutorOptions options;
  private final Object lock = new Object();
  /** Trials running here, for heartbeats. */
  private final Map<Long, Thread> live = new ConcurrentHashMap<>();
  /**
   * Workers whose program runs, which a stop may interrupt. A worker leaves this map before it
   * records the outcome, atomically with respect to {@link #stopNow()}, so no interrupt reaches
   * it while it writes to the store.
   */
  private final Map<Long, Thread> interruptible = new ConcurrentHashMap<>();
  /** Trials whose kill was asked for through the store, by id. */
  private final Set<Long> killRequested = ConcurrentHashMap.newKeySet();
  private final List<TrialOutputListener> outputListeners = new CopyOnWriteArrayList<>();
  private final GpuPool gpus;
  private final BitSet busySlots = new BitSet();
  private final long beginMillis = System.currentTimeMillis();
  private final java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
  // Guarded by lock.
  private int slots;
  private boolean paused;
  private boolean stopRequested;
  private boolean interrupted;
  private int running;
  private int started;
  private int complete;
  private int pruned;
  private int failed;
  private int requeued;
  /** Copies of trials lost with their host: run in addition to the budget, which counted the lost ones. */
  private int lostCopies;
  private long lastControlPoll;
  private long lastKillPoll;
  private volatile RunStatus status;

  public LocalExecutor(Study study, TrialRunner runner, ExecutorOptions options) {
    this.study = Objects.requireNonNull(study, "study");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.options = Objects.requireNonNull(options, "options");
    this.slots = options.slots();
    this.gpus = new GpuPool(options.gpus(), options.gpusPerTrial());
  }

  /** Lines printed by every trial's program, live; see {@link TrialOutputListener}. */
  public void addOutputListener(TrialOutputListener listener) {
    outputListeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Runs until the budget is used, the time is up, or a stop; blocks the calling thread.
   *
   * @throws IllegalStateException when called twice
   */
  public ExecutionResult run() {
    if (!ran.compareAndSet(false, true)) throw new IllegalStateException("an executor runs once; create another");
    long begin = System.nanoTime();
    long deadline = options.timeout() == null ? Long.MAX_VALUE : begin + options.timeout().toNanos();
    study.clearStop();
    List<TrialRecovery.Recovered> recovered = TrialRecovery.recover(study, options.recovery(),
        runner instanceof StaleTrialCleaner cleaner ? cleaner : StaleTrialCleaner.NONE);
    status = RunStatus.beginning(options);
    writeStatus(status);
    Heartbeats heartbeats = new Heartbeats(study.storage(), live.keySet(), options.heartbeat(), study.studyName());
    ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "tunelab-trial-worker"));
    Thread hook = new Thread(this::shutdown, "tunelab-executor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutionResult.Reason reason;
    try {
      reason = startTrials(workers, deadline);
      awaitRunning();
    } finally {
      heartbeats.close();
      workers.shutdown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting; the hook does the rest.
      }
    }
    synchronized (lock) {
      if (interrupted) reason = ExecutionResult.Reason.INTERRUPTED;
    }
    status = status.ended(reason.name());
    writeStatus(status);
    synchronized (lock) {
      return new ExecutionResult(started, complete, pruned, failed, requeued, reason,
          Duration.ofNanos(System.nanoTime() - begin), recovered);
    }
  }

  private ExecutionResult.Reason startTrials(ExecutorService workers, long deadline) {
    while (true) {
      int slot;
      List<String> trialGpus;
      synchronized (lock) {
        pollControl(false);
        if (interrupted || stopRequested || study.isStopRequested()) return ExecutionResult.Reason.STOPPED;
        if (System.nanoTime() >= deadline) return ExecutionResult.Reason.TIMEOUT;
        if (options.trials() != null && started >= options.trials() + lostCopies) {
          // A running trial may still be lost with its host and re-queued: wait for it in this loop.
          if (running == 0) return ExecutionResult.Reason.BUDGET;
          waitOnLock(CONTROL_POLL_MILLIS);
          continue;
        }
        if (paused || running >= slots || !gpus.canTake()) {
          waitOnLock(CONTROL_POLL_MILLIS);
          continue;
        }
        if (System.currentTimeMillis() - lastControlPoll > CONTROL_FRESH_MILLIS) {
          lastControlPoll = 0; // read the control again before starting, then check once more
          continue;
        }
        slot = busySlots.nextClearBit(0);
        busySlots.set(slot);
        trialGpus = gpus.take();
        running++;
        started++;
      }
      int s = slot;
      workers.execute(() -> work(s, trialGpus));
    }
  }

  private void awaitRunning() {
    synchronized (lock) {
      while (running > 0) {
        pollControl(true);
        waitOnLock(CONTROL_POLL_MILLIS);
      }
    }
  }

  /** Reads the study's control when due. Guarded by lock. */
  private void pollControl(boolean draining) {
    long now = System.currentTimeMillis();
    if (now - lastControlPoll < CONTROL_POLL_MILLIS) return;
    lastControlPoll = now;
    StudyControl control;
    try {
      control = StudyControl.read(study);
    } catch (RuntimeException e) {
      LOG.warn("could not read the control of study {}: {}", study.studyName(), e.getMessage());
      return;
    }
    apply(control);
    if (!interruptible.isEmpty() && now - lastKillPoll >= CONTROL_POLL_MILLIS) {
      lastKillPoll = now;
      pollKillRequests();
    }
  }

  /** Finds running trials of this executor whose kill was asked for, and interrupts their workers. */
  private void pollKillRequests() {
    List<FrozenTrial> runningTrials;
    try {
      runningTrials = study.storage().trials(study.id(), Set.of(org.tunelab.trial.TrialState.RUNNING));
    } catch (RuntimeException e) {
      LOG.warn("could not read the running trials of study {}: {}", study.studyName(), e.getMessage());
      return;
    }
    for (FrozenTrial t : runningTrials) {
      if (!t.systemAttrs().containsKey(StudyControl.KILL_ATTR) || !interruptible.containsKey(t.trialId())) continue;
      if (!killRequested.add(t.trialId())) continue;
      LOG.info("killing trial {} of study {} as asked", t.number(), study.studyName());
      interruptible.computeIfPresent(t.trialId(), (k, worker) -> {
        worker.interrupt();
        return worker;
      });
    }
  }

  private void writeStatus(RunStatus status) {
    try {
      status.write(study.storage(), study.id());
    } catch (RuntimeException e) {
      LOG.warn("could not record the run status of study {}: {}", study.studyName(), e.getMessage());
    }
  }

  private void apply(StudyControl control) {
    boolean wasPaused = paused;
    paused = StudyControl.PAUSED.equals(control.state());
    if (paused != wasPaused) LOG.info("study {} {}", study.studyName(), paused ? "paused" : "resumed");
    // A stop or slot count given before this executor existed was meant for the runs of that time.
    boolean givenSince = control.at() > beginMillis;
    if (StudyControl.STOPPED.equals(control.state()) && givenSince) {
      stopRequested = true;
      if (control.kill() && !interrupted) stopNow();
    }
    if (control.slots() != null && givenSince && control.slots() != slots) {
      LOG.info("study {}: {} slot(s) instead of {}", study.studyName(), control.slots(), slots);
      slots = control.slots();
    }
  }

  private void work(int slot, List<String> trialGpus) {
    Trial trial = null;
    try {
      trial = options.space() == null ? study.ask() : study.ask(options.space());
      live.put(trial.trialId(), Thread.currentThread());
      // Who runs it, stored before it runs: if this process dies, the next run knows at once.
      trial.setSystemAttr(RunnerIdentity.ATTR, RunnerIdentity.self().toAttr());
      trial.flush();
      study.storage().recordHeartbeats(List.of(trial.trialId()));
      interruptible.put(trial.trialId(), Thread.currentThread());
      evaluate(trial, new TrialContext(slot, trialGpus, options.logDir(), this::fanOut));
    } catch (RuntimeException e) {
      // The sampler or the store failed; ask() already marked its trial FAIL.
      LOG.warn("could not start a trial of study {}: {}", study.studyName(), e.getMessage());
      count(false, false);
    } finally {
      if (trial != null) {
        interruptible.remove(trial.trialId());
        live.remove(trial.trialId());
        killRequested.remove(trial.trialId());
      }
      synchronized (lock) {
        running--;
        busySlots.clear(slot);
        gpus.release(trialGpus);
        lock.notifyAll();
      }
    }
  }

  private void evaluate(Trial trial, TrialContext context) {
    try {
      List<Double> values = runner.run(trial, context);
      settled(trial); // a stop that came after the program ended: its result stands
      FrozenTrial done = study.tell(trial, values);
      count(done.state() == org.tunelab.trial.TrialState.COMPLETE, false);
    } catch (TrialPrunedException p) {
      settled(trial);
      study.prune(trial);
      synchronized (lock) {
        pruned++;
      }
    } catch (InterruptedException e) {
      settled(trial);
      if (!killedOnRequest(trial)) interrupted(trial);
    } catch (CommandFailedException e) {
      boolean wasInterrupted = settled(trial);
      if (killedOnRequest(trial)) return;
      if (wasInterrupted || isShuttingDown()) {
        interrupted(trial); // its program was killed under it by the stop or the shutdown
      } else {
        FrozenTrial failedTrial = study.fail(trial, e.getMessage());
        count(false, e instanceof TrialLostException && requeueLost(failedTrial));
      }
    } catch (RuntimeException e) {
      settled(trial);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      study.fail(trial, e.getClass().getName().startsWith("org.tunelab.") ? message
          : e.getClass().getSimpleName() + ": " + message);
      LOG.warn("trial {} failed: {}", trial.number(), message);
      count(false, false);
    }
  }

  /**
   * Records a trial whose program ended because the user asked for it to be killed (and not for a
   * stop of the whole run, which wins): FAIL, not re-queued. Returns whether it was one.
   */
  private boolean killedOnRequest(Trial trial) {
    if (!killRequested.contains(trial.trialId())) return false;
    synchronized (lock) {
      if (interrupted) return false;
    }
    study.fail(trial, StudyControl.KILLED_BY_USER);
    LOG.info("trial {} of study {} was killed as asked", trial.number(), study.studyName());
    count(false, false);
    return true;
  }

  /**
   * The trial's program has ended: no stop can interrupt this worker any more, and an interrupt
   * that arrived while the runner was not waiting is cleared (it would make the store's calls that
   * record the outcome fail). Returns whether there was one.
   */
  private boolean settled(Trial trial) {
    interruptible.remove(trial.trialId());
    return Thread.interrupted();
  }

  private void interrupted(Trial trial) {
    FrozenTrial failedTrial = study.fail(trial, "TuneLab was stopped while the trial ran; its program was killed");
    Integer copy = options.requeueInterrupted()
        ? TrialRecovery.requeue(study, failedTrial, Math.max(1, options.recovery().retries())) : null;
    count(false, copy != null);
  }

  /** A trial whose machine was lost runs again, as a WAITING copy, on another slot of this run. */
  private boolean requeueLost(FrozenTrial failedTrial) {
    Integer copy = TrialRecovery.requeue(study, failedTrial, Math.max(1, options.recovery().retries()));
    if (copy == null) return false;
    LOG.warn("trial {} was lost with its host; re-queued as trial {}", failedTrial.number(), copy);
    synchronized (lock) {
      lostCopies++;
      lock.notifyAll();
    }
    return true;
  }

  private void count(boolean isComplete, boolean isRequeued) {
    synchronized (lock) {
      if (isComplete) complete++;
      else failed++;
      if (isRequeued) requeued++;
    }
  }

  private boolean isShuttingDown() {
    synchronized (lock) {
      return interrupted || ProcessTree.isShuttingDown();
    }
  }

  private void fanOut(int number, boolean stderr, String line) {
    for (TrialOutputListener l : outputListeners) l.line(number, stderr, line);
  }

  /** The JVM is exiting: kill every running program, let the workers record it, then give up waiting. */
  private void shutdown() {
    stopNow();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    synchronized (lock) {
      while (running > 0 && System.nanoTime() < until) waitOnLock(100);
    }
    RunStatus s = status;
    if (s != null && s.isRunning()) writeStatus(s.ended(ExecutionResult.Reason.INTERRUPTED.name()));
    int left = study.failRunningTrials("TuneLab was stopped while the trial ran");
    if (left > 0) LOG.warn("marked {} running trial(s) of study {} as failed on shutdown", left, study.studyName());
  }

  /** Pauses every run of the study: running trials go on, no new one starts until {@link #resume()}. */
  public void pause() {
    StudyControl.pause(study);
    refreshNow();
  }

  public void resume() {
    StudyControl.resume(study);
    refreshNow();
  }

  /** Sets the number of slots of every run of the study; running trials are never killed for it. */
  public void setSlots(int n) {
    StudyControl.slots(study, n);
    synchronized (lock) {
      slots = n;
    }
    refreshNow();
  }

  /** Starts no further trial; running ones finish. */
  public void stop() {
    synchronized (lock) {
      stopRequested = true;
      lock.notifyAll();
    }
  }

  /** Starts no further trial and kills the running ones (FAIL, or re-queued as configured). */
  public void stopNow() {
    synchronized (lock) {
      stopRequested = true;
      interrupted = true;
      lock.notifyAll();
    }
    interruptAll();
  }

  private void interruptAll() {
    for (Long id : interruptible.keySet()) {
      interruptible.computeIfPresent(id, (k, worker) -> {
        worker.interrupt();
        return worker;
      });
    }
  }

  public int slots() {
    synchronized (lock) {
      return slots;
    }
  }

  public boolean isPaused() {
    synchronized (lock) {
      return paused;
    }
  }

  /** Trials running now. */
  public int running() {
    synchronized (lock) {
      return running;
    }
  }

  private void refreshNow() {
    StudyControl control = StudyControl.read(study);
    synchronized (lock) {
      apply(control);
      lock.notifyAll();
    }
  }

  private void waitOnLock(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException e) {
      // The caller's thread was interrupted: treat it as a stop of everything. The flag is not set
      // again, so that the wait for running trials does not spin.
      stopRequested = true;
      interrupted = true;
      interruptAll();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
