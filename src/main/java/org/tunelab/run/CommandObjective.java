package org.tunelab.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.study.MultiObjective;
import org.tunelab.study.Trial;

/**
 * An objective that runs a program per trial: the command template gets the trial's parameters, the
 * program runs in {@code workdir} with a time limit, and its value is the last report line on stdout
 * ({@code @tunelab {"value": ...}}, see {@link ReportLine}) or, failing that, the last line that is a
 * plain number. Intermediate reports ({@code {"step": 3, "value": 0.5}}) go to the trial as they
 * arrive. A non-zero exit, a timeout or no value fails the trial with a {@link CommandFailedException}
 * whose message says why.
 *
 * <p>The program sees {@code TUNELAB_TRIAL_NUMBER} and {@code TUNELAB_STUDY} in its environment.
 *
 * <pre>{@code
 * CommandObjective f = new CommandObjective(
 *     CommandTemplate.parse("python3 train.py --lr {lr}", List.of("lr")), Path.of("."), Duration.ofMinutes(10));
 * study.optimizeMulti(f, OptimizeOptions.trials(20).withSpace(space));
 * }</pre>
 */
public final class CommandObjective implements MultiObjective {
  private final CommandTemplate template;
  private final Path workdir;
  private final Duration timeout;
  private final LocalProcessRunner runner = new LocalProcessRunner();

  /** @param timeout the limit per trial, or {@code null} for none */
  public CommandObjective(CommandTemplate template, Path workdir, Duration timeout) {
    this.template = Objects.requireNonNull(template, "template");
    this.workdir = Objects.requireNonNull(workdir, "workdir");
    this.timeout = timeout;
  }

  @Override
  public double[] evaluate(Trial trial) throws InterruptedException {
    if (!Files.isDirectory(workdir)) throw new CommandFailedException("workdir " + workdir + " is not a directory");
    List<String> argv = template.argv(trial.params());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TUNELAB_TRIAL_NUMBER", String.valueOf(trial.number()));
    env.put("TUNELAB_STUDY", trial.study().studyName());
    Values values = new Values(trial);
    ProcessOutcome outcome;
    try {
      outcome = runner.run(argv, workdir, env, timeout, values::accept);
    } catch (java.io.UncheckedIOException e) {
      throw new CommandFailedException(e.getMessage());
    }
    if (values.error != null) throw new CommandFailedException(values.error);
    if (outcome.timedOut()) {
      String limit = timeout.toMillis() < 1000 ? timeout.toMillis() + "ms" : timeout.toSeconds() + "s";
      throw new CommandFailedException("timed out after " + limit + " and was killed: " + String.join(" ", argv));
    }
    if (outcome.exitCode() != 0) {
      String last = outcome.lastError();
      throw new CommandFailedException("exit code " + outcome.exitCode() + " from " + argv.get(0)
          + (last.isEmpty() ? "" : ": " + last));
    }
    List<Double> result = values.result();
    if (result == null) {
      throw new CommandFailedException(argv.get(0) + " printed no value: end with a line @tunelab {\"value\": ...}"
          + " or a plain number on stdout");
    }
    double[] out = new double[result.size()];
    for (int i = 0; i < out.length; i++) out[i] = result.get(i);
    return out;
  }

  /** What the program reported so far; protocol lines win over plain numbers. */
  private static final class Values {
    private final Trial trial;
    private List<Double> reported;
    private Double lastNumber;
    private String error;

    Values(Trial trial) {
      this.trial = trial;
    }

    void accept(String line) {
      try {
        ReportLine report = ReportLine.parse(line);
        if (report == null) {
          Double n = ReportLine.plainNumber(line);
          if (n != null) lastNumber = n;
        } else if (report.isFinal()) {
          reported = report.values();
        } else {
          trial.report(report.step(), report.values().get(0));
        }
      } catch (IllegalArgumentException e) {
        if (error == null) error = e.getMessage();
      }
    }

    List<Double> result() {
      if (reported != null) return reported;
      return lastNumber == null ? null : new ArrayList<>(List.of(lastNumber));
    }
  }

  @Override
  public String toString() {
    return template + " in " + workdir;
  }
}
