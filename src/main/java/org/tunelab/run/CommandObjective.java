package org.tunelab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tunelab.study.MultiObjective;
import org.tunelab.study.Trial;

/**
 * A program per trial as a plain objective for {@link org.tunelab.study.Study#optimizeMulti}: a
 * {@link CommandTrialRunner} without log directory, slots or GPUs. For parallel runs with logs,
 * heartbeats, pause and resume use {@link LocalExecutor}.
 *
 * <pre>{@code
 * CommandObjective f = new CommandObjective(
 *     CommandTemplate.parse("python3 train.py --lr {lr}", List.of("lr")), Path.of("."), Duration.ofMinutes(10));
 * study.optimizeMulti(f, OptimizeOptions.trials(20).withSpace(space));
 * }</pre>
 */
public final class CommandObjective implements MultiObjective {
  private final CommandTrialRunner runner;

  /** @param timeout the limit per trial, or {@code null} for none */
  public CommandObjective(CommandTemplate template, Path workdir, Duration timeout) {
    this(TrialCommand.of(template, workdir, timeout));
  }

  public CommandObjective(TrialCommand command) {
    this.runner = new CommandTrialRunner(Objects.requireNonNull(command, "command"));
  }

  @Override
  public double[] evaluate(Trial trial) throws InterruptedException {
    List<Double> values = runner.run(trial, TrialContext.simple());
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) out[i] = values.get(i);
    return out;
  }

  @Override
  public String toString() {
    return runner.toString();
  }
}
