package org.tunelab.analysis;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * When each trial ran (Optuna's {@code plot_timeline}): a bar from its start to its completion, or to
 * {@code now} while it runs. Waiting trials have not started and are left out.
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(trials, LocalDateTime.now());
 * timeline.bars().get(0).end();
 * }</pre>
 */
public record Timeline(List<Bar> bars) {

  /** One trial's run; {@code infeasible} for a completed trial that violates its constraints. */
  public record Bar(int trialNumber, TrialState state, LocalDateTime start, LocalDateTime end, boolean infeasible) {}

  public Timeline {
    bars = List.copyOf(bars);
  }

  /** The bars of every started trial, by number; a running trial (or one without an end) ends at {@code now}. */
  public static Timeline of(List<FrozenTrial> trials, LocalDateTime now) {
    List<Bar> bars = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.datetimeStart() == null) continue;
      LocalDateTime end = t.datetimeComplete() != null ? t.datetimeComplete() : now;
      if (end.isBefore(t.datetimeStart())) end = t.datetimeStart();
      boolean infeasible = t.state() == TrialState.COMPLETE && !Feasibility.isFeasible(t);
      bars.add(new Bar(t.number(), t.state(), t.datetimeStart(), end, infeasible));
    }
    bars.sort(java.util.Comparator.comparingInt(Bar::trialNumber));
    return new Timeline(bars);
  }

  public boolean isEmpty() {
    return bars.isEmpty();
  }
}
