package org.tunelab.trial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/**
 * The search space a study actually used, read back from its trials, as a starting point for a new
 * study. Parameters come in the order they first appear. When trials disagree on a parameter's
 * distribution (a study whose space changed over time), ranges are widened to cover every trial
 * (float with int becomes float; log and step are kept only when every trial had them) and
 * categorical choices are united; a parameter seen as both categorical and numeric keeps the kind
 * most trials used. A parameter that only some finished trials have becomes conditional on an
 * earlier categorical parameter when one explains it exactly: every complete or pruned trial that has the
 * parameter took one of some values of that parent, and every such trial that took one of them has
 * the parameter. Each such decision is written to {@link #notes()} so the user can check it.
 *
 * <pre>{@code
 * StudySearchSpace used = StudySearchSpace.of(storage.trials(studyId));
 * SearchSpace space = used.space();
 * }</pre>
 *
 * @param space the derived space (empty when no trial has parameters)
 * @param notes one sentence per widening, union, conflict or inferred condition
 */
public record StudySearchSpace(SearchSpace space, List<String> notes) {

  public StudySearchSpace {
    notes = List.copyOf(notes);
  }

  /** Derives the space from {@code trials} in any state; complete and pruned trials alone decide conditions. */
  public static StudySearchSpace of(Collection<FrozenTrial> trials) {
    List<String> notes = new ArrayList<>();
    Map<String, List<Distribution>> seen = new LinkedHashMap<>();
    for (FrozenTrial t : trials) {
      t.distributions().forEach((name, d) -> seen.computeIfAbsent(name, k -> new ArrayList<>()).add(d));
    }
    Map<String, Distribution> merged = new LinkedHashMap<>();
    seen.forEach((name, list) -> merged.put(name, merge(name, list, notes)));
    List<Param> params = new ArrayList<>();
    // a failed trial may have stopped before suggesting everything: only complete and pruned trials tell
    List<FrozenTrial> finished = trials.stream()
        .filter(t -> (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) && !t.params().isEmpty())
        .toList();
    for (Map.Entry<String, Distribution> e : merged.entrySet()) {
      Condition condition = inferCondition(e.getKey(), params, finished);
      if (condition != null) {
        notes.add(e.getKey() + ": inferred the condition " + condition.parent() + " in " + condition.values()
            + " (it appears exactly in the finished trials where " + condition.parent() + " took those values)");
      }
      params.add(new Param(e.getKey(), e.getValue(), condition));
    }
    return new StudySearchSpace(SearchSpace.of(params), notes);
  }

  private static Distribution merge(String name, List<Distribution> list, List<String> notes) {
    Set<Distribution> distinct = new LinkedHashSet<>(list);
    if (distinct.size() == 1) return list.get(0);
    long categorical = list.stream().filter(d -> d instanceof CategoricalDistribution).count();
    boolean keepCategorical = categorical * 2 > list.size();
    List<Distribution> kept = new ArrayList<>();
    for (Distribution d : distinct) {
      if ((d instanceof CategoricalDistribution) == keepCategorical) kept.add(d);
    }
    if (kept.size() < distinct.size()) {
      notes.add(name + ": trials used both categorical and numeric distributions; kept the "
          + (keepCategorical ? "categorical" : "numeric") + " ones, used by most trials");
    }
    Distribution result = kept.get(0);
    for (int i = 1; i < kept.size(); i++) result = widen(result, kept.get(i));
    if (kept.size() > 1) {
      List<String> described = kept.stream().map(Distribution::describe).toList();
      notes.add(name + ": trials used " + described.size() + " different distributions (" + String.join("; ", described)
          + "); using " + result.describe());
    }
    return result;
  }

  private static Distribution widen(Distribution a, Distribution b) {
    if (a instanceof CategoricalDistribution ca && b instanceof CategoricalDistribution cb) {
      List<Object> choices = new ArrayList<>(ca.choices());
      for (Object choice : cb.choices()) {
        if (!takes(ca, choice)) choices.add(choice);
      }
      return new CategoricalDistribution(choices);
    }
    if (a instanceof IntDistribution ia && b instanceof IntDistribution ib) {
      long low = Math.min(ia.low(), ib.low());
      long high = Math.max(ia.high(), ib.high());
      boolean sameGrid = ia.step() == ib.step() && Math.floorMod(ia.low() - ib.low(), ia.step()) == 0;
      long step = sameGrid ? ia.step() : 1;
      return new IntDistribution(low, high, step, ia.log() && ib.log());
    }
    double low = Math.min(low(a), low(b));
    double high = Math.max(high(a), high(b));
    boolean log = log(a) && log(b);
    Double step = a instanceof FloatDistribution fa && b instanceof FloatDistribution fb && fa.step() != null
        && fa.step().equals(fb.step()) && fa.low() == fb.low() ? fa.step() : null;
    if (step != null && high != new FloatDistribution(low, high, step, false).high()) step = null;
    return new FloatDistribution(low, high, step, log);
  }

  private static double low(Distribution d) {
    return d instanceof FloatDistribution f ? f.low() : ((IntDistribution) d).low();
  }

  private static double high(Distribution d) {
    return d instanceof FloatDistribution f ? f.high() : ((IntDistribution) d).high();
  }

  private static boolean log(Distribution d) {
    return d instanceof FloatDistribution f ? f.log() : ((IntDistribution) d).log();
  }

  private static boolean takes(Distribution d, Object value) {
    try {
      return d.contains(d.toInternal(value));
    } catch (InvalidDistributionException e) {
      return false;
    }
  }

  /** An earlier categorical parent whose values exactly explain where {@code name} appears, or null. */
  private static Condition inferCondition(String name, List<Param> earlier, List<FrozenTrial> finished) {
    long with = finished.stream().filter(t -> t.params().containsKey(name)).count();
    if (with == 0 || with == finished.size()) return null;
    for (Param parent : earlier) {
      if (!(parent.distribution() instanceof CategoricalDistribution choices) || parent.isConditional()) continue;
      List<Object> values = new ArrayList<>();
      boolean explains = true;
      for (FrozenTrial t : finished) {
        if (!t.params().containsKey(parent.name())) {
          explains = !t.params().containsKey(name);
          if (!explains) break;
          continue;
        }
        Object v = t.params().get(parent.name());
        if (t.params().containsKey(name) && values.stream().noneMatch(x -> sameChoice(choices, x, v))) values.add(v);
      }
      if (!explains || values.isEmpty()) continue;
      for (FrozenTrial t : finished) {
        if (!t.params().containsKey(parent.name()) || t.params().containsKey(name)) continue;
        Object v = t.params().get(parent.name());
        if (values.stream().anyMatch(x -> sameChoice(choices, x, v))) {
          explains = false;
          break;
        }
      }
      if (explains) return new Condition(parent.name(), values);
    }
    return null;
  }

  private static boolean sameChoice(CategoricalDistribution choices, Object a, Object b) {
    return takes(choices, a) && takes(choices, b) && choices.toInternal(a) == choices.toInternal(b);
  }
}
