package org.tunelab.analysis.importance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tunelab.space.Distribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * fANOVA importance as Optuna's {@code FanovaImportanceEvaluator} computes it (Hutter et al., 2014):
 * a random forest of {@code nTrees} regression trees of depth at most {@code maxDepth} (64 and 64, as
 * in Optuna) is fitted to the trials, each tree is decomposed by functional ANOVA, and a parameter's
 * importance is the mean over trees of its marginal variance divided by the tree's variance,
 * normalized over the parameters to sum to 1.
 *
 * <p>The forest is grown with Java's {@link SplittableRandom}, not NumPy's generator, so the numbers
 * differ slightly from Optuna's for the same seed; the ranking agrees (see {@code FanovaOptunaTest}).
 * Trees are grown in parallel; each has its own generator derived from the seed, so the result does
 * not depend on the number of threads.
 *
 * <pre>{@code
 * ParamImportances imp = new FanovaEvaluator(0).evaluate(trials, List.of(StudyDirection.MINIMIZE), 0);
 * }</pre>
 */
public final class FanovaEvaluator implements ImportanceEvaluator {
  /** Optuna's defaults. */
  public static final int TREES = 64;
  public static final int MAX_DEPTH = 64;

  private final int nTrees;
  private final int maxDepth;
  private final long seed;

  public FanovaEvaluator(long seed) {
    this(TREES, MAX_DEPTH, seed);
  }

  public FanovaEvaluator(int nTrees, int maxDepth, long seed) {
    if (nTrees < 1) throw new IllegalArgumentException("nTrees must be at least 1, got " + nTrees);
    if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
    this.nTrees = nTrees;
    this.maxDepth = maxDepth;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "fanova";
  }

  @Override
  public ParamImportances evaluate(List<FrozenTrial> trials, List<StudyDirection> directions, int objective) {
    ImportanceInput input = ImportanceInput.of(trials, objective);
    Map<String, Distribution> varying = input.varying();
    if (varying.isEmpty()) return input.result(name(), objective, Map.of());
    if (input.trials().size() < 2) {
      throw new InsufficientTrialsException("cannot assess importances: fewer than 2 completed trials have every parameter "
          + varying.keySet() + " and a finite value");
    }
    FeatureEncoding encoding = FeatureEncoding.of(varying);
    List<String> names = new ArrayList<>(varying.keySet());
    double[][] x = new double[input.trials().size()][];
    for (int i = 0; i < x.length; i++) x[i] = encoding.encode(input.trials().get(i), names);
    double[] y = input.targets();
    long[] treeSeeds = new SplittableRandom(seed).longs(nTrees).toArray();
    int[][] presorted = RegressionTree.presort(x);
    double[][] fractions = new double[nTrees][];
    IntStream.range(0, nTrees).parallel().forEach(t -> fractions[t] = fitTree(x, y, encoding, treeSeeds[t], presorted));
    double[] importance = new double[names.size()];
    int used = 0;
    for (double[] f : fractions) {
      if (f == null) continue; // a tree without variance says nothing (Optuna skips it too)
      used++;
      for (int p = 0; p < importance.length; p++) importance[p] += f[p];
    }
    if (used == 0) {
      throw new InsufficientTrialsException("cannot assess importances: the objective does not vary over the "
          + input.trials().size() + " usable trials");
    }
    double sum = 0;
    for (int p = 0; p < importance.length; p++) sum += importance[p] /= used;
    Map<String, Double> result = new LinkedHashMap<>();
    for (int p = 0; p < names.size(); p++) result.put(names.get(p), sum > 0 ? importance[p] / sum : 1.0 / names.size());
    return input.result(name(), objective, result);
  }

  /** One tree on a bootstrap sample: each parameter's marginal variance over the tree's, or null. */
  private double[] fitTree(double[][] x, double[] y, FeatureEncoding encoding, long treeSeed, int[][] presorted) {
    SplittableRandom random = new SplittableRandom(treeSeed);
    double[] weight = new double[y.length];
    for (int k = 0; k < y.length; k++) weight[random.nextInt(y.length)]++;
    RegressionTree tree = RegressionTree.grow(x, y, weight, maxDepth, random, presorted);
    FanovaTree fanova = new FanovaTree(tree, encoding.bounds());
    if (!(fanova.variance() > 0)) return null;
    double[] f = new double[encoding.columnsOfParam().length];
    for (int p = 0; p < f.length; p++) f[p] = fanova.marginalVariance(encoding.columnsOfParam()[p]) / fanova.variance();
    return f;
  }
}
