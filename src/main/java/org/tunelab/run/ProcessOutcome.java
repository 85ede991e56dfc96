package org.tunelab.run;

import java.time.Duration;
import java.util.List;

/**
 * How a process ended.
 *
 * @param exitCode the exit code, or -1 when it was killed after a timeout
 * @param timedOut whether it was killed because it ran too long
 * @param stderrTail its last lines of stderr, for failure messages
 */
public record ProcessOutcome(int exitCode, boolean timedOut, List<String> stderrTail, Duration elapsed) {
  public ProcessOutcome {
    stderrTail = List.copyOf(stderrTail);
  }

  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** The last non-blank stderr line, or empty. */
  public String lastError() {
    for (int i = stderrTail.size() - 1; i >= 0; i--) {
      if (!stderrTail.get(i).isBlank()) return stderrTail.get(i).strip();
    }
    return "";
  }
}
