package org.tunelab.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec file that cannot be used: missing, not YAML, or breaking the format's rules. Carries every
 * problem found (ordered by line); the message is one problem per line.
 */
public class SpecException extends RuntimeException {
  private final List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) throw new IllegalArgumentException("a SpecException needs at least one problem");
    this.problems = List.copyOf(problems);
  }

  public SpecException(SpecProblem problem) {
    this(List.of(problem));
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
