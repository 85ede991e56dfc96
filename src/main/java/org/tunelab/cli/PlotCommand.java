package org.tunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunelab.analysis.importance.InsufficientTrialsException;
import org.tunelab.chart.ChartPalette;
import org.tunelab.chart.Figure;
import org.tunelab.chart.FigureExport;
import org.tunelab.chart.PlotKind;
import org.tunelab.chart.StudyFigures;
import org.tunelab.chart.StudyTrials;
import org.tunelab.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab plot STORAGE --study NAME --kind KIND --out FILE.png|.svg}: draws a plot headless,
 * the same chart the app shows.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = {"Draw a plot of a study into a PNG or SVG file, without a display.",
        "Kinds: history, importance, slice, contour, pareto, parallel, intermediate, edf, timeline, rank.",
        "history and edf compare studies when --study is given several times."})
final class PlotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STORAGE", description = "sqlite:///relative.db, sqlite:////absolute.db or a path")
  String storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study (repeat to compare, for history and edf).")
  List<String> studies;

  @Option(names = "--kind", required = true, paramLabel = "KIND", description = "Which plot (see above).")
  String kind;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file; .png or .svg.")
  Path out;

  @Option(names = "--objective", defaultValue = "0", paramLabel = "N", description = "Objective to plot (0-based; default: ${DEFAULT-VALUE}).")
  int objective;

  @Option(names = "--params", split = ",", paramLabel = "NAME", description = "Parameters to show (slice, contour, parallel, rank).")
  List<String> params;

  @Option(names = "--evaluator", defaultValue = "fanova", paramLabel = "fanova|ped-anova", description = "For importance (default: ${DEFAULT-VALUE}).")
  String evaluator;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "Seed of fANOVA (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark", description = "Colours (default: ${DEFAULT-VALUE}).")
  String theme;

  @Option(names = "--width", defaultValue = "1200", paramLabel = "PX", description = "Width (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "800", paramLabel = "PX", description = "Height (default: ${DEFAULT-VALUE}).")
  int height;

  @Option(names = "--scale", defaultValue = "1", paramLabel = "X", description = "PNG pixel density, e.g. 2 for 4K screens (default: ${DEFAULT-VALUE}).")
  double scale;

  @Override
  public Integer call() {
    // AWT must know before its first class loads that there is no screen to draw on
    System.setProperty("java.awt.headless", "true");
    PlotKind plotKind = parseKind(kind);
    try {
      FigureExport.formatOf(out);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    if (width < 100 || height < 100 || width > 20000 || height > 20000) throw new CliException(ExitCode.USAGE, "--width and --height must be in [100, 20000]");
    if (!(scale >= 0.5 && scale <= 8)) throw new CliException(ExitCode.USAGE, "--scale must be in [0.5, 8], got " + scale);
    ChartPalette palette = switch (theme.toLowerCase(Locale.ROOT)) {
      case "light" -> ChartPalette.LIGHT;
      case "dark" -> ChartPalette.DARK;
      default -> throw new CliException(ExitCode.USAGE, "--theme must be light or dark, got " + theme);
    };
    ImportanceOptions which = ImportanceOptions.parse(evaluator);
    List<StudyTrials> read = new ArrayList<>();
    try (Storage store = StorageArguments.openForReading(storage)) {
      for (String name : plotKind.comparesStudies() ? studies : studies.subList(0, 1)) {
        long id = store.studyId(name);
        read.add(new StudyTrials(name, store.directions(id), store.trials(id)));
      }
    }
    int objectives = read.get(0).directions().size();
    if (objective < 0 || objective >= objectives) {
      throw new CliException(ExitCode.USAGE, "--objective must be in [0, " + objectives + "), got " + objective);
    }
    Figure figure;
    try {
      figure = StudyFigures.figure(plotKind, read, objective, params == null ? List.of() : params, which.create(seed),
          palette, LocalDateTime.now());
    } catch (InsufficientTrialsException | IllegalArgumentException e) {
      throw new CliException(ExitCode.RUNTIME, "cannot draw " + plotKind.cliName() + " for " + read.get(0).name() + ": " + e.getMessage());
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      FigureExport.write(figure, out, width, height, scale);
    } catch (IOException e) {
      throw new CliException(ExitCode.RUNTIME, "cannot write " + out + ": " + e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("wrote " + out);
    o.flush();
    return ExitCode.OK;
  }

  private static PlotKind parseKind(String text) {
    for (PlotKind k : PlotKind.values()) {
      if (k.cliName().equals(text.toLowerCase(Locale.ROOT))) return k;
    }
    List<String> names = new ArrayList<>();
    for (PlotKind k : PlotKind.values()) names.add(k.cliName());
    throw new CliException(ExitCode.USAGE, "--kind must be one of " + String.join(", ", names) + "; got " + text);
  }
}
