package org.tunelab.analysis;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Trials built in memory for analysis tests: what a storage would return. */
public final class Trials {
  private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 12, 0);

  private Trials() {}

  /** A COMPLETE trial with these values and parameters given as name, distribution, external value triples. */
  public static FrozenTrial complete(int number, List<Double> values, Object... params) {
    return trial(number, TrialState.COMPLETE, values, Map.of(), params);
  }

  public static FrozenTrial trial(int number, TrialState state, List<Double> values, Map<String, Object> systemAttrs,
      Object... params) {
    Map<String, Object> p = new LinkedHashMap<>();
    Map<String, Distribution> d = new LinkedHashMap<>();
    for (int k = 0; k < params.length; k += 3) {
      d.put((String) params[k], (Distribution) params[k + 1]);
      p.put((String) params[k], params[k + 2]);
    }
    LocalDateTime start = T0.plusSeconds(number * 10L);
    LocalDateTime end = state.isFinished() ? start.plusSeconds(5) : null;
    return new FrozenTrial(number, number, state, values, state == TrialState.WAITING ? null : start, end, p, d,
        Map.of(), systemAttrs, null);
  }
}
