package org.tunelab.spec;

import java.time.Duration;
import java.util.Objects;

/** The {@code objective:} entry of a spec: a built-in function or a command line. */
public sealed interface ObjectiveSpec permits ObjectiveSpec.Builtin, ObjectiveSpec.Command {

  /**
   * A built-in test function such as {@code branin}, evaluated in process.
   *
   * @param name a name {@link org.tunelab.functions.BuiltinFunctions#get} knows
   */
  record Builtin(String name) implements ObjectiveSpec {
    public Builtin {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A program run once per trial.
   *
   * @param command the command line with {@code {param}} placeholders, split into arguments without a shell
   * @param workdir where it runs, relative to the spec file's directory; {@code "."} by default
   * @param timeout how long one trial may run, or {@code null} for no limit
   */
  record Command(String command, String workdir, Duration timeout) implements ObjectiveSpec {
    public Command {
      Objects.requireNonNull(command, "command");
      if (command.isBlank()) throw new IllegalArgumentException("command must not be empty");
      if (workdir == null) workdir = ".";
    }
  }
}
