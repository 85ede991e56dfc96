package org.tunelab.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

/**
 * A search space in the unit box, as Optuna's {@code _gp/search_space.py}: every numeric parameter
 * maps to [0, 1] over {@code [low - step/2, high + step/2]} (in log space for log ranges), a
 * categorical one stays the index of its choice. Discrete dimensions know their grid so proposals
 * land on it. Used by the GP and CMA-ES samplers. Immutable.
 */
public final class UnitSpace {
  public final List<String> names;
  public final List<Distribution> dists;
  /** Whether dimension i is categorical (Hamming distance, raw index). */
  public final boolean[] categorical;
  /** Number of grid points of a discrete dimension (categories or steps), 0 for a continuous one. */
  public final int[] gridSize;
  private final double[] lo;
  private final double[] hi;
  private final boolean[] log;

  public UnitSpace(Map<String, Distribution> space) {
    names = new ArrayList<>(space.keySet());
    dists = new ArrayList<>(space.values());
    int d = names.size();
    categorical = new boolean[d];
    gridSize = new int[d];
    lo = new double[d];
    hi = new double[d];
    log = new boolean[d];
    for (int i = 0; i < d; i++) {
      Distribution dist = dists.get(i);
      if (dist instanceof CategoricalDistribution c) {
        categorical[i] = true;
        gridSize[i] = c.choices().size();
      } else if (dist instanceof IntDistribution n) {
        log[i] = n.log();
        gridSize[i] = (int) Math.min(n.size(), Integer.MAX_VALUE);
        double half = n.step() / 2.0;
        lo[i] = n.log() ? Math.log(n.low() - 0.5) : n.low() - half;
        hi[i] = n.log() ? Math.log(n.high() + 0.5) : n.high() + half;
      } else {
        FloatDistribution f = (FloatDistribution) dist;
        log[i] = f.log();
        double half = f.step() == null ? 0 : f.step() / 2.0;
        if (f.step() != null) gridSize[i] = (int) Math.round((f.high() - f.low()) / f.step()) + 1;
        lo[i] = f.log() ? Math.log(f.low()) : f.low() - half;
        hi[i] = f.log() ? Math.log(f.high()) : f.high() + half;
      }
    }
  }

  public int dims() {
    return names.size();
  }

  /** Whether dimension i is numeric and continuous (no grid). */
  public boolean continuous(int i) {
    return !categorical[i] && gridSize[i] == 0;
  }

  /** Internal representation to the unit coordinate (the index for a categorical). */
  public double toUnit(int i, double internal) {
    if (categorical[i]) return internal;
    double v = log[i] ? Math.log(internal) : internal;
    return hi[i] == lo[i] ? 0.5 : (v - lo[i]) / (hi[i] - lo[i]);
  }

  /** A unit coordinate back to an internal value inside the distribution (on its grid). */
  public double fromUnit(int i, double u) {
    Distribution dist = dists.get(i);
    if (categorical[i]) return Math.max(0, Math.min(gridSize[i] - 1, Math.floor(u)));
    double v = lo[i] + Math.max(0, Math.min(1, u)) * (hi[i] - lo[i]);
    if (log[i]) v = Math.exp(v);
    if (dist instanceof IntDistribution n) {
      double k = Math.round((v - n.low()) / n.step());
      return n.low() + Math.max(0, Math.min(n.size() - 1, k)) * n.step();
    }
    FloatDistribution f = (FloatDistribution) dist;
    if (f.step() != null) {
      double k = Math.max(0, Math.min(gridSize[i] - 1, Math.round((v - f.low()) / f.step())));
      return Math.min(f.low() + k * f.step(), f.high());
    }
    return Math.min(Math.max(v, f.low()), f.high());
  }

  /** Snaps a coordinate onto the grid of a discrete dimension (the identity for continuous ones). */
  public double snap(int i, double u) {
    if (continuous(i)) return Math.max(0, Math.min(1, u));
    return toUnit(i, fromUnit(i, u));
  }

  /** The coordinate of grid point k of a discrete dimension. */
  public double gridPoint(int i, int k) {
    if (categorical[i]) return k;
    Distribution dist = dists.get(i);
    double internal;
    if (dist instanceof IntDistribution n) internal = n.low() + (long) k * n.step();
    else {
      FloatDistribution f = (FloatDistribution) dist;
      internal = Math.min(f.low() + k * f.step(), f.high());
    }
    return toUnit(i, internal);
  }
}
