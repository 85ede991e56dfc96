package org.tunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunelab.benchmark.BenchmarkRow;
import org.tunelab.benchmark.OverheadBenchmark;
import org.tunelab.benchmark.QualityBenchmark;
import org.tunelab.benchmark.RegretSummary;
import org.tunelab.benchmark.SamplerFactory;
import org.tunelab.functions.BenchmarkFunction;
import org.tunelab.functions.BenchmarkFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab bench}: the public benchmark protocol of shared/bench/functions.md. One in-memory
 * run per seed (seeds 0..K-1, sampler seed = seed), the best value after 50, 100 and 200 trials,
 * a table of median and quartiles of simple regret over seeds, and with {@code --out} one CSV row
 * per seed and budget. {@code --overhead} times one ask+tell instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark samplers on the public test functions (regret after 50, 100 and 200 trials,",
        "median and quartiles over seeds), or with --overhead the time of one ask+tell."})
final class BenchCommand implements Callable<Integer> {
  private static final List<Integer> BUDGETS = List.of(50, 100, 200);

  @Spec CommandSpec spec;

  @Option(names = "--function", defaultValue = "branin", paramLabel = "F", split = ",",
      description = "Function(s), comma-separated, or 'all': branin, rosenbrock10, ackley10, styblinski_tang10 (default: ${DEFAULT-VALUE}).")
  List<String> functions;

  @Option(names = "--sampler", defaultValue = "tpe", paramLabel = "S", split = ",",
      description = "Sampler(s), comma-separated: random, tpe, tpe-multivariate, gp, cmaes, nsga2, nsga3, qmc, auto, ... (default: ${DEFAULT-VALUE}).")
  List<String> samplers;

  @Option(names = "--trials", defaultValue = "200", paramLabel = "N", description = "Trials per run (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--seeds", defaultValue = "20", paramLabel = "K", description = "Runs, seeds S..S+K-1 (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "0", paramLabel = "S",
      description = "The first seed (default: ${DEFAULT-VALUE}); other seeds check settings chosen on these.")
  long firstSeed;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Seeds run at once (default: ${DEFAULT-VALUE}); results do not depend on it.")
  int threads;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "Write one row per seed and budget: function,sampler,seed,budget,best,regret.")
  Path out;

  @Option(names = "--overhead", description = "Time one ask+tell at --completed trials and --dims dimensions instead.")
  boolean overhead;

  @Option(names = "--dims", defaultValue = "5,20", split = ",", paramLabel = "D", description = "With --overhead: dimensions (default: ${DEFAULT-VALUE}).")
  List<Integer> dims;

  @Option(names = "--completed", defaultValue = "100,1000,5000", split = ",", paramLabel = "N",
      description = "With --overhead: completed trials before timing (default: ${DEFAULT-VALUE}).")
  List<Integer> completed;

  @Option(names = "--objectives", defaultValue = "1", paramLabel = "M",
      description = "With --overhead: objectives of the timed study, minimised and conflicting (default: ${DEFAULT-VALUE}).")
  int objectives;

  @Override
  public Integer call() throws IOException {
    if (firstSeed < 0) throw new CliException(ExitCode.USAGE, "--first-seed must be >= 0, got " + firstSeed);
    if (trials < 1 || seeds < 1 || threads < 1) throw new CliException(ExitCode.USAGE, "--trials, --seeds and --threads must be >= 1");
    if (objectives < 1) throw new CliException(ExitCode.USAGE, "--objectives must be >= 1, got " + objectives);
    for (String s : samplers) {
      if (!SamplerFactory.names().contains(s)) {
        throw new CliException(ExitCode.USAGE, "unknown sampler \"" + s + "\"; known: " + String.join(", ", SamplerFactory.names()));
      }
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (overhead) return overhead(pw);
    List<BenchmarkFunction> fs = new ArrayList<>();
    for (String f : functions) {
      if (f.equals("all")) fs.addAll(BenchmarkFunctions.all());
      else {
        try {
          fs.add(BenchmarkFunctions.get(f));
        } catch (IllegalArgumentException e) {
          throw new CliException(ExitCode.USAGE, e.getMessage());
        }
      }
    }
    List<BenchmarkRow> rows = new ArrayList<>();
    Table table = new Table(List.of("function", "sampler", "budget", "seeds", "median", "25%", "75%", "seconds"));
    for (BenchmarkFunction f : fs) {
      for (String s : samplers) {
        long start = System.nanoTime();
        List<BenchmarkRow> r = QualityBenchmark.builder(f, s).trials(trials).firstSeed(firstSeed).seeds(seeds).threads(threads)
            .budgets(BUDGETS).build().run();
        String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
        rows.addAll(r);
        for (RegretSummary sum : RegretSummary.of(r)) {
          table.add(List.of(sum.function(), sum.sampler(), Integer.toString(sum.budget()), Integer.toString(sum.seeds()),
              number(sum.median()), number(sum.q25()), number(sum.q75()), seconds));
        }
      }
    }
    if (rows.isEmpty()) {
      throw new CliException(ExitCode.USAGE, "--trials " + trials + " is below the first budget (50): nothing to report");
    }
    pw.println("simple regret (best value minus the global minimum) over seeds " + firstSeed + ".." + (firstSeed + seeds - 1) + ":");
    table.print(pw, OutputFormat.TABLE);
    if (out != null) {
      List<String> lines = new ArrayList<>();
      lines.add(BenchmarkRow.CSV_HEADER);
      rows.forEach(r -> lines.add(r.csv()));
      Files.write(out, lines);
      pw.println("wrote " + rows.size() + " rows to " + out);
    }
    pw.flush();
    return ExitCode.OK;
  }

  private int overhead(PrintWriter pw) {
    OverheadBenchmark bench = new OverheadBenchmark(SamplerFactory::create, 100, 20);
    Table table = new Table(List.of("sampler", "dims", "completed", "objectives", "ms/trial", "cpu ms/trial"));
    for (String s : samplers) {
      for (int d : dims) {
        for (int n : completed) {
          OverheadBenchmark.Result r = bench.measure(s, d, n, objectives);
          table.add(List.of(s, Integer.toString(d), Integer.toString(n), Integer.toString(objectives), String.format(Locale.ROOT, "%.3f", r.meanMillis()),
              String.format(Locale.ROOT, "%.3f", r.meanCpuMillis())));
        }
      }
    }
    table.print(pw, OutputFormat.TABLE);
    return ExitCode.OK;
  }

  /** Three significant digits, as the baseline tables print them. */
  static String number(double v) {
    if (v == 0 || !Double.isFinite(v)) return Double.toString(v);
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    return String.format(Locale.ROOT, "%.2e", v);
  }
}
