package org.tunelab.sampler.nsga2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.tunelab.sampler.Constraints;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * NSGA-II's selection: Deb's constrained domination (feasible beats infeasible, the smaller total
 * violation wins between infeasible trials, Pareto domination between feasible ones), fast
 * non-dominated sorting and crowding distance within the last front taken.
 */
final class Survival {
  private final List<StudyDirection> directions;
  private final boolean constrained;
  private final LastFrontSelection lastFront;

  Survival(List<StudyDirection> directions, boolean constrained) {
    this(directions, constrained, null);
  }

  /** With {@code lastFront} choosing within the last front taken; {@code null} for crowding distance. */
  Survival(List<StudyDirection> directions, boolean constrained, LastFrontSelection lastFront) {
    this.directions = directions;
    this.constrained = constrained;
    this.lastFront = lastFront;
  }

  /** Whether a constrained-dominates b. */
  boolean dominates(FrozenTrial a, FrozenTrial b) {
    if (constrained) {
      double va = Constraints.violation(a);
      double vb = Constraints.violation(b);
      if (va > 0 || vb > 0) return va < vb;
    }
    boolean better = false;
    for (int k = 0; k < directions.size(); k++) {
      double x = minimised(a, k);
      double y = minimised(b, k);
      if (x > y) return false;
      if (x < y) better = true;
    }
    return better;
  }

  private double minimised(FrozenTrial t, int k) {
    double v = t.values().get(k);
    return directions.get(k) == StudyDirection.MAXIMIZE ? -v : v;
  }

  /** Fronts of {@code trials}, best first. */
  List<List<FrozenTrial>> fronts(List<FrozenTrial> trials) {
    int n = trials.size();
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>();
    for (int i = 0; i < n; i++) dominates.add(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(trials.get(i), trials.get(j))) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(trials.get(j), trials.get(i))) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    List<List<FrozenTrial>> fronts = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) if (dominatedBy[i] == 0) current.add(i);
    while (!current.isEmpty()) {
      List<FrozenTrial> front = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        front.add(trials.get(i));
        for (int j : dominates.get(i)) if (--dominatedBy[j] == 0) next.add(j);
      }
      fronts.add(front);
      current = next;
    }
    return fronts;
  }

  /**
   * The best {@code size} trials: whole fronts, then the last one by decreasing crowding distance
   * (or by the {@link LastFrontSelection} given, which may draw from {@code rng}).
   */
  List<FrozenTrial> select(List<FrozenTrial> trials, int size, SplittableRandom rng) {
    List<FrozenTrial> out = new ArrayList<>();
    for (List<FrozenTrial> front : fronts(trials)) {
      if (out.size() + front.size() <= size) {
        out.addAll(front);
        continue;
      }
      if (lastFront != null) {
        out.addAll(lastFront.pick(List.copyOf(out), List.copyOf(front), size - out.size(), directions, rng));
        break;
      }
      double[] crowd = crowding(front);
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < front.size(); i++) idx.add(i);
      // Larger distance first; trial number breaks ties so the selection is reproducible.
      idx.sort(Comparator.<Integer>comparingDouble(i -> -crowd[i]).thenComparingInt(i -> front.get(i).number()));
      for (int i = 0; out.size() < size; i++) out.add(front.get(idx.get(i)));
      break;
    }
    return out;
  }

  private double[] crowding(List<FrozenTrial> front) {
    int n = front.size();
    double[] dist = new double[n];
    for (int k = 0; k < directions.size(); k++) {
      int kk = k;
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < n; i++) idx.add(i);
      idx.sort(Comparator.comparingDouble(i -> minimised(front.get(i), kk)));
      double lo = minimised(front.get(idx.get(0)), k);
      double hi = minimised(front.get(idx.get(n - 1)), k);
      dist[idx.get(0)] = Double.POSITIVE_INFINITY;
      dist[idx.get(n - 1)] = Double.POSITIVE_INFINITY;
      if (hi == lo) continue;
      for (int p = 1; p < n - 1; p++) {
        dist[idx.get(p)] += (minimised(front.get(idx.get(p + 1)), k) - minimised(front.get(idx.get(p - 1)), k)) / (hi - lo);
      }
    }
    return dist;
  }
}
