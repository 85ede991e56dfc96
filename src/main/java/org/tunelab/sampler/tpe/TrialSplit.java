package org.tunelab.sampler.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * The split of past trials into the good group ("below", modelled by l(x)) and the rest ("above",
 * g(x)), exactly as Optuna orders them: best COMPLETE trials first, then PRUNED trials by (deepest
 * step, last intermediate value), then infeasible trials by total violation. Several objectives rank
 * COMPLETE trials by non-domination, breaking the tie on the cut front by hypervolume subset selection.
 *
 * @param below the good trials, by number
 * @param above the others, by number
 * @param belowWeights one weight per below trial (hypervolume contributions with several
 *     objectives), or {@code null} to use the sampler's weights function
 */
record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above, double[] belowWeights) {
  /** The trial system attribute holding constraint values; a value > 0 is a violation. */
  static final String CONSTRAINTS_KEY = "constraints";
  private static final double EPS = 1e-12;

  /**
   * @param finished COMPLETE and PRUNED trials
   * @param nBelow how many trials go below (gamma of the number of finished trials)
   */
  static TrialSplit of(List<FrozenTrial> finished, List<StudyDirection> directions, int nBelow, boolean constraints) {
    List<FrozenTrial> complete = new ArrayList<>();
    List<FrozenTrial> pruned = new ArrayList<>();
    List<FrozenTrial> infeasible = new ArrayList<>();
    for (FrozenTrial t : finished) {
      if (constraints && violation(t) > 0) infeasible.add(t);
      else if (t.state() == TrialState.COMPLETE && t.hasValues()) complete.add(t);
      else if (t.state() == TrialState.PRUNED) pruned.add(t);
    }
    List<FrozenTrial> below = new ArrayList<>();
    List<FrozenTrial> above = new ArrayList<>();
    int remaining = nBelow;
    List<FrozenTrial> orderedComplete = directions.size() == 1
        ? sortedByValue(complete, directions.get(0)) : byDomination(complete, directions, remaining);
    remaining = take(orderedComplete, remaining, below, above);
    StudyDirection first = directions.get(0);
    pruned.sort(Comparator.comparing((FrozenTrial t) -> prunedKey(t, first, directions.size() > 1)));
    remaining = take(pruned, remaining, below, above);
    infeasible.sort(Comparator.comparingDouble(TrialSplit::violation));
    take(infeasible, remaining, below, above);
    below = byNumber(below);
    above = byNumber(above);
    double[] weights = directions.size() > 1 ? multiObjectiveWeights(below, directions, constraints) : null;
    return new TrialSplit(List.copyOf(below), List.copyOf(above), weights);
  }

  private static int take(List<FrozenTrial> ordered, int remaining, List<FrozenTrial> below, List<FrozenTrial> above) {
    int n = Math.min(Math.max(remaining, 0), ordered.size());
    below.addAll(ordered.subList(0, n));
    above.addAll(ordered.subList(n, ordered.size()));
    return remaining - n;
  }

  private static List<FrozenTrial> sortedByValue(List<FrozenTrial> trials, StudyDirection direction) {
    double sign = direction == StudyDirection.MAXIMIZE ? -1 : 1;
    double[] keys = new double[trials.size()];
    for (int i = 0; i < keys.length; i++) keys[i] = sign * trials.get(i).values().get(0);
    // Stable, so equal values keep trial-number order as in Optuna's sorted(); unboxed, as
    // sorting a thousand trials through a boxing comparator was a tenth of a TPE proposal.
    int[] order = Argsort.ofTotalOrder(keys);
    List<FrozenTrial> sorted = new ArrayList<>(keys.length);
    for (int i : order) sorted.add(trials.get(i));
    return sorted;
  }

  /** (-last step, last value) as Optuna's _get_pruned_trial_score; trials without reports sort last. */
  private static PrunedKey prunedKey(FrozenTrial t, StudyDirection direction, boolean multiObjective) {
    if (t.intermediateValues().isEmpty()) return new PrunedKey(1, 0.0);
    int step = t.intermediateValues().lastKey();
    double v = t.intermediateValues().get(step);
    if (Double.isNaN(v) || multiObjective) return new PrunedKey(-step, Double.POSITIVE_INFINITY);
    return new PrunedKey(-step, direction == StudyDirection.MAXIMIZE ? -v : v);
  }

  private record PrunedKey(int negStep, double value) implements Comparable<PrunedKey> {
    @Override
    public int compareTo(PrunedKey o) {
      int c = Integer.compare(negStep, o.negStep);
      return c != 0 ? c : Double.compare(value, o.value);
    }
  }

  /** Sum of positive constraint values; +inf when the trial recorded none. */
  static double violation(FrozenTrial t) {
    if (!(t.systemAttrs().get(CONSTRAINTS_KEY) instanceof List<?> values)) return Double.POSITIVE_INFINITY;
    double sum = 0;
    for (Object v : values) {
      double x = v instanceof Number n ? n.doubleValue() : Double.NaN;
      if (Double.isNaN(x)) return Double.POSITIVE_INFINITY;
      if (x > 0) sum += x;
    }
    return sum;
  }

  static double[] loss(FrozenTrial t, List<StudyDirection> directions) {
    double[] l = new double[directions.size()];
    for (int i = 0; i < l.length; i++) {
      double v = t.values().get(i);
      l[i] = directions.get(i) == StudyDirection.MAXIMIZE ? -v : v;
    }
    return l;
  }

  /** COMPLETE trials in below-first order: whole fronts, then the HSSP choice from the cut front. */
  private static List<FrozenTrial> byDomination(List<FrozenTrial> complete, List<StudyDirection> directions, int nBelow) {
    if (nBelow <= 0 || nBelow >= complete.size()) return complete;
    double[][] losses = new double[complete.size()][];
    for (int i = 0; i < losses.length; i++) losses[i] = loss(complete.get(i), directions);
    int[] ranks = Hypervolume.nonDominationRanks(losses, nBelow);
    List<FrozenTrial> ordered = new ArrayList<>();
    int rank = 0;
    while (ordered.size() < nBelow) {
      List<Integer> front = new ArrayList<>();
      for (int i = 0; i < ranks.length; i++) if (ranks[i] == rank) front.add(i);
      if (ordered.size() + front.size() <= nBelow) {
        front.forEach(i -> ordered.add(complete.get(i)));
      } else {
        List<double[]> points = new ArrayList<>();
        front.forEach(i -> points.add(losses[i]));
        List<Integer> chosen = Hypervolume.greedySubset(points, nBelow - ordered.size(),
            Hypervolume.referencePoint(points));
        chosen.forEach(c -> ordered.add(complete.get(front.get(c))));
      }
      rank++;
    }
    List<FrozenTrial> rest = new ArrayList<>(complete);
    rest.removeAll(ordered);
    ordered.addAll(rest);
    return ordered;
  }

  /**
   * Below weights with several objectives: each feasible Pareto-optimal trial weighs its hypervolume
   * contribution over the largest one; every other below trial weighs EPS.
   */
  private static double[] multiObjectiveWeights(List<FrozenTrial> below, List<StudyDirection> directions,
      boolean constraints) {
    double[] w = new double[below.size()];
    List<Integer> feasible = new ArrayList<>();
    for (int i = 0; i < below.size(); i++) {
      FrozenTrial t = below.get(i);
      boolean ok = t.state() == TrialState.COMPLETE && t.hasValues() && (!constraints || violation(t) == 0);
      w[i] = ok ? 1.0 : EPS;
      if (ok) feasible.add(i);
    }
    if (feasible.size() <= 1) return w;
    List<double[]> losses = new ArrayList<>();
    feasible.forEach(i -> losses.add(loss(below.get(i), directions)));
    double[] ref = Hypervolume.referencePoint(losses);
    List<Integer> front = new ArrayList<>();
    for (int a = 0; a < losses.size(); a++) {
      boolean dominated = false;
      for (int b = 0; b < losses.size() && !dominated; b++) dominated = Hypervolume.dominates(losses.get(b), losses.get(a));
      if (!dominated) front.add(a);
    }
    List<double[]> frontPoints = new ArrayList<>();
    front.forEach(a -> frontPoints.add(losses.get(a)));
    double total = Hypervolume.of(frontPoints, ref);
    if (Double.isInfinite(total)) return w;
    double[] contrib = new double[losses.size()];
    double max = 0;
    for (int j = 0; j < front.size(); j++) {
      List<double[]> without = new ArrayList<>(frontPoints);
      without.remove(j);
      contrib[front.get(j)] = total - Hypervolume.of(without, ref);
      max = Math.max(max, contrib[front.get(j)]);
    }
    for (int a = 0; a < losses.size(); a++) w[feasible.get(a)] = Math.max(contrib[a] / Math.max(max, EPS), EPS);
    return w;
  }

  /** For tests and diagnostics: the trial numbers of each group. */
  Map<String, List<Integer>> numbers() {
    return Map.of("below", below.stream().map(FrozenTrial::number).toList(),
        "above", above.stream().map(FrozenTrial::number).toList());
  }

  /** Linear rank weights of trials listed by number: the best of k gets k, the worst 1; unranked (pruned) 1. */
  static double[] rankWeights(List<FrozenTrial> below, org.tunelab.trial.StudyDirection direction) {
    int k = below.size();
    Integer[] idx = new Integer[k];
    for (int i = 0; i < k; i++) idx[i] = i;
    double sign = direction == org.tunelab.trial.StudyDirection.MAXIMIZE ? -1 : 1;
    java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(i -> below.get(i).state() == TrialState.COMPLETE
        && below.get(i).hasValues() ? sign * below.get(i).values().get(0) : Double.POSITIVE_INFINITY));
    double[] w = new double[k];
    for (int r = 0; r < k; r++) w[idx[r]] = below.get(idx[r]).state() == TrialState.COMPLETE ? k - r : 1;
    return w;
  }

  /** The trials ordered by number (numbers are unique within a study), in linear time. */
  static List<FrozenTrial> byNumber(List<FrozenTrial> trials) {
    int max = -1;
    for (FrozenTrial t : trials) max = Math.max(max, t.number());
    FrozenTrial[] slots = new FrozenTrial[max + 1];
    for (FrozenTrial t : trials) {
      if (slots[t.number()] != null) {
        List<FrozenTrial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingInt(FrozenTrial::number));
        return sorted;
      }
      slots[t.number()] = t;
    }
    List<FrozenTrial> out = new ArrayList<>(trials.size());
    for (FrozenTrial t : slots) if (t != null) out.add(t);
    return out;
  }

  /** Two lists sorted by trial number merged into one. */
  static List<FrozenTrial> mergeByNumber(List<FrozenTrial> a, List<FrozenTrial> b) {
    List<FrozenTrial> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (j >= b.size() || (i < a.size() && a.get(i).number() < b.get(j).number())) out.add(a.get(i++));
      else out.add(b.get(j++));
    }
    return out;
  }
}
