package org.tunelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tunelab.json.PythonFloat;
import org.tunelab.study.Study;
import org.tunelab.study.StudyListener;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * The progress line of {@code tunelab run} on stderr: trials done of the budget, best value so far,
 * trials per second. On a terminal one line is rewritten in place (at most ten times a second);
 * otherwise, as in a log file, a new line is written every {@code every} trials. Also counts the
 * run's outcomes and stops a run whose first trials all fail, so a broken command is not run a
 * thousand times.
 */
final class ProgressReporter implements StudyListener {
  static final int FAILURES_BEFORE_GIVING_UP = 5;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean inPlace;
  private final boolean quiet;
  private final Integer budget;
  private final int every;
  private final List<StudyDirection> directions;
  private final long begin = System.nanoTime();
  private long lastDraw;
  private int finished;
  private int complete;
  private int failed;
  private int pruned;
  private Double best;
  private String lastFailure;

  ProgressReporter(PrintWriter err, boolean inPlace, boolean quiet, Integer budget, List<StudyDirection> directions,
      Double bestBefore) {
    this.err = err;
    this.inPlace = inPlace;
    this.quiet = quiet;
    this.budget = budget;
    this.directions = directions;
    this.best = bestBefore;
    this.every = budget == null ? 10 : Math.max(1, (budget + 9) / 10);
  }

  @Override
  public synchronized void trialFinished(Study study, FrozenTrial trial) {
    finished++;
    if (trial.state() == TrialState.COMPLETE) {
      complete++;
      if (directions.size() == 1 && (best == null || directions.get(0).isBetter(trial.value(), best))) {
        best = trial.value();
      }
    } else if (trial.state() == TrialState.FAIL) {
      failed++;
      Object reason = trial.systemAttrs().get("fail_reason");
      lastFailure = "trial " + trial.number() + ": " + (reason == null ? "failed" : reason);
    } else if (trial.state() == TrialState.PRUNED) {
      pruned++;
    }
    if (failed == finished && finished >= FAILURES_BEFORE_GIVING_UP) study.stop();
    if (quiet) return;
    long now = System.nanoTime();
    if (inPlace) {
      if (now - lastDraw >= REDRAW_NANOS) {
        err.print("\r" + line() + "\u001b[K");
        err.flush();
        lastDraw = now;
      }
    } else if (finished % every == 0) {
      err.println(line());
      err.flush();
    }
  }

  /** Ends the progress display: the final counts on their own line. */
  synchronized void finish() {
    if (quiet) return;
    if (inPlace) err.println("\r" + line() + "\u001b[K");
    else if (finished % every != 0) err.println(line());
    err.flush();
  }

  synchronized String line() {
    double seconds = Math.max(1e-9, (System.nanoTime() - begin) / 1e9);
    StringBuilder b = new StringBuilder("trial ").append(finished);
    if (budget != null) b.append('/').append(budget);
    if (directions.size() == 1) b.append("  best ").append(best == null ? "-" : PythonFloat.repr(best));
    else b.append("  complete ").append(complete);
    b.append(String.format(Locale.ROOT, "  %.1f trials/s", finished / seconds));
    if (failed > 0) b.append("  ").append(failed).append(" failed");
    if (pruned > 0) b.append("  ").append(pruned).append(" pruned");
    return b.toString();
  }

  synchronized int finished() {
    return finished;
  }

  synchronized int complete() {
    return complete;
  }

  synchronized int failed() {
    return failed;
  }

  synchronized int pruned() {
    return pruned;
  }

  synchronized String lastFailure() {
    return lastFailure;
  }
}
