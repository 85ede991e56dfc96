package org.tunelab.run.ssh;

import java.time.Duration;
import java.util.List;

/**
 * How a program on a host ended.
 *
 * @param exitCode its exit status, or -1 when it left none (killed hard, timed out, host restarted)
 * @param timedOut whether it was killed for running past its limit
 * @param lastLines its last lines of output that were not reports, for failure messages
 * @param reconnects how often the connection was re-established while it ran
 */
record RemoteOutcome(int exitCode, boolean timedOut, List<String> lastLines, Duration elapsed, int reconnects) {
  RemoteOutcome {
    lastLines = List.copyOf(lastLines);
  }

  /** The last non-blank line of output, or empty. */
  String lastLine() {
    for (int i = lastLines.size() - 1; i >= 0; i--) {
      if (!lastLines.get(i).isBlank()) return lastLines.get(i).strip();
    }
    return "";
  }
}
