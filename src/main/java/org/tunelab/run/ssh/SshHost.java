package org.tunelab.run.ssh;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.json.PythonJson;
import org.tunelab.run.CommandFailedException;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.ReportReader;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialContext;
import org.tunelab.run.TrialLostException;
import org.tunelab.run.TrialOutputListener;
import org.tunelab.study.Trial;
import org.tunelab.study.TrialPrunedException;

/**
 * One host of a study run: its connection (reused by every trial), the run's directory there
 * ({@code <workdir>/<study>}, with the shipped code in {@code code/} and one directory per trial in
 * {@code trials/}), and the trials it runs. The code is shipped before the first trial.
 *
 * <p>Thread-safe: trials on the host's slots call {@link #run} at once. Owns its connection.
 */
final class SshHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SshHost.class);
  /** The trial system attribute naming the host and the trial's directory there. */
  static final String REMOTE_ATTR = "tunelab:remote";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SshTarget target;
  private final SshOptions options;
  /**
   * Trials sharing one connection. OpenSSH allows 10 channels per connection by default
   * ({@code MaxSessions}); each running trial holds one (its shell) and short commands (kills) take
   * at most {@link SshConnection#MAX_COMMAND_CHANNELS} more, so a host with more slots gets more connections.
   */
  static final int TRIALS_PER_CONNECTION = 10 - SshConnection.MAX_COMMAND_CHANNELS;

  private final SshConnection connection;
  /** {@link #connection} first, then one more per {@link #TRIALS_PER_CONNECTION} slots, opened when first used. */
  private final List<SshConnection> connections = new java.util.ArrayList<>();
  private final int[] trialsOn; // guarded by connections
  private final String studyName;
  private final Path localCode;
  private final CodeSync.Limits limits;
  private String runDir; // guarded by this
  /** Trial directories whose programs may still run here although their trials were given up. */
  private final java.util.Set<String> abandoned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  SshHost(SshTarget target, SshOptions options, String studyName, Path localCode, CodeSync.Limits limits) {
    this.target = target;
    this.options = options;
    this.connection = new SshConnection(target, options);
    int count = (target.slots() + TRIALS_PER_CONNECTION - 1) / TRIALS_PER_CONNECTION;
    connections.add(connection);
    for (int i = 1; i < count; i++) connections.add(null);
    this.trialsOn = new int[count];
    this.studyName = studyName;
    this.localCode = localCode;
    this.limits = limits;
  }

  SshTarget target() {
    return target;
  }

  SshConnection connection() {
    return connection;
  }

  String label() {
    return connection.label();
  }

  /**
   * Connects, creates the run's directory and ships the code, once; later calls return at once.
   *
   * @return the run's absolute directory on the host
   * @throws SshException when any of it fails; the message names the host and the step
   */
  synchronized String prepare() {
    if (runDir != null) return runDir;
    String dir = target.workdir() + "/" + safeName(studyName);
    RemoteResult made = connection.exec("mkdir -p " + RemoteScripts.path(dir) + "/trials && cd " + RemoteScripts.path(dir)
        + " && pwd -P", Duration.ofSeconds(30));
    if (!made.ok()) {
      throw new SshException(SshException.Kind.REMOTE, label() + ": cannot create the working directory " + dir + ": "
          + made.message() + " (check workdir: of this host in the spec)");
    }
    String absolute = made.stdout().strip();
    CodeSync.sync(connection, localCode, absolute + "/code", limits);
    runDir = absolute;
    return runDir;
  }

  /**
   * Runs one trial here, as {@link org.tunelab.run.TrialRunner#run} describes.
   *
   * @param gpus the GPU ids of this host given to the trial
   * @throws SshException {@link SshException.Kind#UNREACHABLE} when the host could not be reached to
   *     start the trial (it did not run; it may go to another host); other kinds when the host cannot
   *     run trials at all
   */
  List<Double> run(Trial trial, TrialContext context, TrialCommand command, List<String> gpus) throws InterruptedException {
    return run(trial, context, command, gpus, newToken());
  }

  /** A random name part for a trial's directory, chosen once per trial so that retries reuse the directory. */
  static String newToken() {
    return Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
  }

  /**
   * Like {@link #run(Trial, TrialContext, TrialCommand, List)}, in the directory {@code <number>-<token>}:
   * sent again with the same token after a failure, the trial is started at most once.
   *
   * @throws TrialLostException when the connection dropped while the trial ran and did not come back in time
   */
  List<Double> run(Trial trial, TrialContext context, TrialCommand command, List<String> gpus, String token)
      throws InterruptedException {
    String dir = prepare();
    // Connected before the trial names this host, so that a trial that goes elsewhere does not keep its name.
    connection.session();
    killAbandoned();
    String trialDir = dir + "/trials/" + trial.number() + "-" + token;
    List<String> argv = command.template().argv(trial.params());
    String paramsJson = PythonJson.write(trial.params());
    String wrapper = RemoteScripts.wrapper(trialDir, dir + "/code", argv, environment(trial, command, gpus, trialDir),
        target.setup(), paramsJson);
    trial.setSystemAttr(RunnerIdentity.ATTR, RunnerIdentity.self().toAttr());
    trial.setSystemAttr(REMOTE_ATTR, label() + ":" + trialDir);
    Path log = localLog(context, trial.number());
    if (log != null) trial.setSystemAttr(CommandTrialRunner.LOG_ATTR, log.toString());
    trial.flush();
    ReportReader reports = new ReportReader(trial, command.metric(), () -> { });
    TrialOutputListener listener = context.output();
    int lane = takeConnection();
    RemoteProcess process = new RemoteProcess(connectionAt(lane), options, trialDir, wrapper, command.grace());
    RemoteOutcome outcome;
    try (BufferedWriter logWriter = log == null ? null : Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      outcome = followAbandoningWhenLost(process, trialDir, command, line -> {
        write(logWriter, line);
        if (listener != null) {
          try {
            listener.line(trial.number(), false, line);
          } catch (RuntimeException e) {
            LOG.warn("output listener failed on trial {}: {}", trial.number(), e.toString());
          }
        }
        reports.accept(line);
        return reports.pruned();
      });
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the log of trial " + trial.number() + " at " + log + ": " + e.getMessage());
    } finally {
      synchronized (connections) {
        trialsOn[lane]--;
      }
    }
    if (outcome.reconnects() > 0) trial.setSystemAttr("tunelab:reconnects", outcome.reconnects());
    return result(outcome, reports, argv, command);
  }

  /** Ends the program of a trial whose runner died (see {@link SshTrialRunner#cleanUp}); says what it found. */
  String reap(String trialDir) {
    try {
      RemoteResult r = connection.exec(RemoteScripts.reap(trialDir, 30), Duration.ofSeconds(30));
      String said = r.stdout().strip();
      if (!r.ok()) return "could not end its program on " + label() + ": " + r.message() + "; its log: " + trialDir + "/log";
      if (said.startsWith("ended ")) {
        return "its program on " + label() + " had ended (exit status " + said.substring(6) + "); its log: " + trialDir + "/log";
      }
      if (said.equals("killed")) return "its program on " + label() + " was still running and was killed; its log: " + trialDir + "/log";
      return "no program of it runs on " + label() + "; its log: " + trialDir + "/log";
    } catch (SshException e) {
      return "could not reach " + label() + " to end its program, which may still run there (" + e.getMessage() + "); its log: "
          + trialDir + "/log";
    }
  }

  /** The connection with the fewest trials, counted as taken; slots never exceed what the connections carry. */
  private int takeConnection() {
    synchronized (connections) {
      int best = 0;
      for (int i = 1; i < trialsOn.length; i++) if (trialsOn[i] < trialsOn[best]) best = i;
      trialsOn[best]++;
      return best;
    }
  }

  private SshConnection connectionAt(int lane) {
    synchronized (connections) {
      SshConnection c = connections.get(lane);
      if (c == null) {
        c = new SshConnection(connection);
        connections.set(lane, c);
      }
      return c;
    }
  }

  private RemoteOutcome followAbandoningWhenLost(RemoteProcess process, String trialDir, TrialCommand command,
      RemoteProcess.LineHandler handler) throws InterruptedException {
    try {
      return process.run(command.timeout(), handler);
    } catch (TrialLostException e) {
      // The program may run on there: its trial is re-queued elsewhere, so it is killed once the host is back.
      abandoned.add(trialDir);
      throw e;
    }
  }

  /**
   * Kills the programs of trials given up while the host was unreachable (their copies run elsewhere),
   * now that it answers again. A failure is logged; the trial is tried again before the next trial.
   */
  private void killAbandoned() {
    for (String trialDir : abandoned) {
      try {
        RemoteResult r = connection.exec(RemoteScripts.kill(trialDir, 30), Duration.ofSeconds(20));
        if (r.ok()) {
          abandoned.remove(trialDir);
          LOG.warn("{}: killed the program of {}, given up while the host was unreachable", label(), trialDir);
        }
      } catch (SshException e) {
        LOG.debug("{}: could not kill the abandoned trial {} yet: {}", label(), trialDir, e.getMessage());
        return;
      }
    }
  }

  private static List<Double> result(RemoteOutcome outcome, ReportReader reports, List<String> argv, TrialCommand command) {
    if (reports.pruned()) throw new TrialPrunedException("pruned; the program was told to stop");
    if (outcome.timedOut()) {
      long ms = command.timeout().toMillis();
      throw new CommandFailedException("timed out after " + (ms < 1000 ? ms + "ms" : ms / 1000 + "s")
          + " and was killed: " + String.join(" ", argv));
    }
    int exit = outcome.exitCode();
    if (exit != 0) {
      String signal = exit > 128 && exit < 160 ? " (killed by signal " + (exit - 128) + ")" : "";
      String last = outcome.lastLine();
      throw new CommandFailedException((exit == -1 ? "no exit code" : "exit code " + exit + signal) + " from " + argv.get(0)
          + (last.isEmpty() ? "" : ": " + last));
    }
    if (reports.error() != null) throw new CommandFailedException(reports.error());
    List<Double> values = reports.result();
    if (values == null) {
      throw new CommandFailedException(argv.get(0) + " printed no value: end with a line @tunelab {\"value\": ...}"
          + (command.metric() != null ? ", a line matching the metric pattern" : "") + " or a plain number on stdout");
    }
    return values;
  }

  private Map<String, String> environment(Trial trial, TrialCommand command, List<String> gpus, String trialDir) {
    Map<String, String> env = new LinkedHashMap<>(target.env());
    env.putAll(command.env());
    trial.params().forEach((name, value) -> env.put(CommandTrialRunner.paramVariable(name), CommandTemplate.format(value)));
    env.put("TUNELAB_PARAMS_FILE", trialDir + "/params.json");
    env.put("TUNELAB_TRIAL_NUMBER", String.valueOf(trial.number()));
    env.put("TUNELAB_TRIAL_ID", String.valueOf(trial.trialId()));
    env.put("TUNELAB_STUDY", trial.study().studyName());
    if (!gpus.isEmpty()) env.put("CUDA_VISIBLE_DEVICES", String.join(",", gpus));
    return env;
  }

  private static Path localLog(TrialContext context, int number) {
    if (context.logDir() == null) return null;
    try {
      Files.createDirectories(context.logDir());
    } catch (IOException e) {
      throw new CommandFailedException("cannot create the log directory " + context.logDir() + ": " + e.getMessage());
    }
    return context.logDir().resolve("trial-" + number + ".log").toAbsolutePath();
  }

  private static void write(BufferedWriter w, String line) {
    if (w == null) return;
    try {
      w.write(line);
      w.write('\n');
      w.flush();
    } catch (IOException e) {
      LOG.warn("cannot write a trial log line: {}", e.getMessage());
    }
  }

  static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  @Override
  public void close() {
    synchronized (connections) {
      for (SshConnection c : connections) if (c != null) c.close();
    }
  }
}
