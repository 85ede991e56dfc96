package org.tunelab.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunelab.functions.BenchmarkFunctions;

/**
 * Runs the quality benchmark until {@code tunelab bench} wraps it:
 * {@code java -cp target/classes:target/test-classes:... org.tunelab.benchmark.BenchMain
 * functions=branin,ackley10 samplers=tpe,random trials=200 seeds=20 threads=1 out=rows.csv}.
 * With {@code overhead=1} it measures sampler overhead instead ({@code dims=5,20 n=100,1000,5000}).
 */
public final class BenchMain {
  private BenchMain() {}

  /**
   * Factory names, plus experimental TPE variants for tuning the defaults, such as
   * {@code tpe:ei=64:mv:density:prior=0.5:uniform:hyperopt}.
   */
  static org.tunelab.sampler.Sampler sampler(String name, long seed) {
    if (!name.startsWith("tpe:")) return SamplerFactory.create(name, seed);
    org.tunelab.sampler.tpe.TpeSampler.Builder b = org.tunelab.sampler.tpe.TpeSampler.builder().seed(seed);
    for (String opt : name.substring(4).split(":")) {
      String[] kv = opt.split("=", 2);
      switch (kv[0]) {
        case "ei": b.nEiCandidates(Integer.parseInt(kv[1])); break;
        case "startup": b.nStartupTrials(Integer.parseInt(kv[1])); break;
        case "mv": b.multivariate(true); break;
        case "group": b.multivariate(true).group(true); break;
        case "density": b.optuna31Scoring(false); break;
        case "prior": b.priorWeight(Double.parseDouble(kv[1])); break;
        case "uniform": b.uniformWeights(); break;
        case "hyperopt": b.hyperoptGamma(); break;
        case "gamma": double g = Double.parseDouble(kv[1]); b.gamma(n -> Math.min((int) Math.ceil(g * n), 25)); break;
        case "endpoints": b.considerEndpoints(true); break;
        case "noclip": b.considerMagicClip(false); break;
        case "rank": b.rankWeights(true); break;
        case "tl": b.tuneLabDefaults(); break;
        case "gaps": b.multivariate(true).gapSigmas(true); break;
        default: throw new IllegalArgumentException("unknown TPE option " + opt);
      }
    }
    return b.build();
  }

  public static void main(String[] args) throws IOException {
    String functions = "branin,rosenbrock10,ackley10,styblinski_tang10";
    String samplers = "random,tpe";
    int trials = 200;
    int seeds = 20;
    int threads = 1;
    String out = null;
    boolean overhead = false;
    String dims = "5,20";
    String ns = "100,1000,5000";
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "functions": functions = kv[1]; break;
        case "samplers": samplers = kv[1]; break;
        case "trials": trials = Integer.parseInt(kv[1]); break;
        case "seeds": seeds = Integer.parseInt(kv[1]); break;
        case "threads": threads = Integer.parseInt(kv[1]); break;
        case "out": out = kv[1]; break;
        case "overhead": overhead = true; break;
        case "dims": dims = kv[1]; break;
        case "n": ns = kv[1]; break;
        default: throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    if (overhead) {
      OverheadBenchmark bench = new OverheadBenchmark(BenchMain::sampler, 100, 20);
      System.out.println("sampler,dims,n,wall_ms_per_trial,cpu_ms_per_trial");
      for (String s : samplers.split(",")) {
        // JIT warm-up, not reported: the first configuration would otherwise pay for compilation.
        bench.measure(s, 20, 300);
        for (String d : dims.split(",")) {
          for (String n : ns.split(",")) {
            OverheadBenchmark.Result r = bench.measure(s, Integer.parseInt(d), Integer.parseInt(n));
            System.out.printf(Locale.ROOT, "%s,%d,%d,%.3f,%.3f%n", r.sampler(), r.dims(), r.completed(), r.meanMillis(),
                r.meanCpuMillis());
          }
        }
      }
      return;
    }
    List<BenchmarkRow> rows = new ArrayList<>();
    for (String f : functions.split(",")) {
      for (String s : samplers.split(",")) {
        long start = System.nanoTime();
        List<BenchmarkRow> r = QualityBenchmark.builder(BenchmarkFunctions.get(f), s).trials(trials).seeds(seeds)
            .threads(threads).samplers(BenchMain::sampler).build().run();
        rows.addAll(r);
        for (RegretSummary sum : RegretSummary.of(r)) {
          System.out.printf(Locale.ROOT, "%-18s %-24s %4d  median %-10.4g [%.4g, %.4g]%n", sum.function(), sum.sampler(),
              sum.budget(), sum.median(), sum.q25(), sum.q75());
        }
        System.out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - start) / 1e9);
      }
    }
    if (out != null) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
        w.println(BenchmarkRow.CSV_HEADER);
        rows.forEach(r -> w.println(r.csv()));
      }
    }
  }
}
