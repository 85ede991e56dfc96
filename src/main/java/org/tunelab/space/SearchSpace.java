package org.tunelab.space;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed search space: parameters in declaration order, some conditional on others. A parameter's
 * parent must be declared before it, so sampling in order always knows the parent's value.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(
 *     Param.of("optimizer", CategoricalDistribution.of("sgd", "adam")),
 *     new Param("momentum", FloatDistribution.of(0, 0.99), Condition.when("optimizer", "sgd")));
 * }</pre>
 */
public final class SearchSpace {
  private final Map<String, Param> params;

  private SearchSpace(Map<String, Param> params) {
    this.params = Collections.unmodifiableMap(params);
  }

  public static SearchSpace of(Param... params) {
    return of(List.of(params));
  }

  /** Validates names, parents and condition values; the message names the offending parameter. */
  public static SearchSpace of(Collection<Param> params) {
    Map<String, Param> byName = new LinkedHashMap<>();
    for (Param p : params) {
      if (byName.containsKey(p.name())) {
        throw new InvalidDistributionException("parameter \"" + p.name() + "\" is defined twice");
      }
      Condition c = p.condition();
      if (c != null) {
        Param parent = byName.get(c.parent());
        if (parent == null) {
          throw new InvalidDistributionException("parameter \"" + p.name() + "\" depends on \"" + c.parent()
              + "\", which must be defined before it");
        }
        for (Object v : c.values()) {
          try {
            parent.distribution().toInternal(v);
          } catch (InvalidDistributionException e) {
            throw new InvalidDistributionException("parameter \"" + p.name() + "\": condition value " + v
                + " can never be taken by \"" + c.parent() + "\" (" + parent.distribution().describe() + ")");
          }
        }
      }
      byName.put(p.name(), p);
    }
    return new SearchSpace(byName);
  }

  /** A space without conditions, from plain distributions (as samplers and storage see it). */
  public static SearchSpace of(Map<String, Distribution> distributions) {
    List<Param> list = new ArrayList<>();
    distributions.forEach((name, d) -> list.add(Param.of(name, d)));
    return of(list);
  }

  public Collection<Param> params() {
    return params.values();
  }

  public Param param(String name) {
    return params.get(name);
  }

  public boolean contains(String name) {
    return params.containsKey(name);
  }

  public Set<String> names() {
    return params.keySet();
  }

  public int size() {
    return params.size();
  }

  /** All distributions by name, conditional or not. */
  public Map<String, Distribution> distributions() {
    Map<String, Distribution> out = new LinkedHashMap<>();
    params.forEach((n, p) -> out.put(n, p.distribution()));
    return out;
  }

  /**
   * Whether {@code name} is active given the values already chosen: its parent chain must be active
   * and each condition must hold.
   */
  public boolean isActive(String name, Map<String, Object> chosen) {
    Param p = params.get(name);
    if (p == null) return false;
    Set<String> seen = new HashSet<>();
    while (p.condition() != null) {
      if (!seen.add(p.name())) return false;
      Condition c = p.condition();
      if (!chosen.containsKey(c.parent()) || !c.holdsFor(chosen.get(c.parent()))) return false;
      p = params.get(c.parent());
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchSpace s && new ArrayList<>(params.values()).equals(new ArrayList<>(s.params.values()));
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "SearchSpace" + params.values();
  }
}
