package org.tunelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tunelab.analysis.importance.InsufficientTrialsException;
import org.tunelab.analysis.importance.ParamImportances;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.Storage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab importance STORAGE --study NAME}: how much each parameter matters, as Optuna's
 * {@code get_param_importances} reports it (fANOVA by default).
 */
@Command(name = "importance", mixinStandardHelpOptions = true,
    description = {"Print parameter importances of a study, most important first, summing to 1.",
        "fANOVA (default; Optuna's: 64 trees, depth 64) or PED-ANOVA (fast on very large studies)."})
final class ImportanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STORAGE", description = "sqlite:///relative.db, sqlite:////absolute.db or a path")
  String storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study to assess.")
  String study;

  @Option(names = "--evaluator", defaultValue = "fanova", paramLabel = "fanova|ped-anova",
      description = "Importance evaluator (default: ${DEFAULT-VALUE}).")
  String evaluator;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "table, or json: an object from parameter name to importance, in descending order (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--objective", defaultValue = "0", paramLabel = "N",
      description = "Which objective of a multi-objective study (0-based; default: ${DEFAULT-VALUE}).")
  int objective;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED",
      description = "Seed of fANOVA's random forest (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("table") && !f.equals("json")) throw new CliException(ExitCode.USAGE, "--format must be table or json, got " + format);
    ImportanceOptions which = ImportanceOptions.parse(evaluator);
    List<FrozenTrial> trials;
    List<StudyDirection> directions;
    try (Storage store = StorageArguments.openForReading(storage)) {
      long id = store.studyId(study);
      directions = store.directions(id);
      trials = store.trials(id);
    }
    if (objective < 0 || objective >= directions.size()) {
      throw new CliException(ExitCode.USAGE, "--objective must be in [0, " + directions.size() + "), got " + objective);
    }
    ParamImportances result;
    try {
      result = which.create(seed).evaluate(trials, directions, objective);
    } catch (InsufficientTrialsException e) {
      throw new CliException(ExitCode.RUNTIME, study + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (f.equals("json")) {
      out.println(PythonJson.write(result.asMap()));
    } else {
      Table table = new Table(List.of("param", "importance"));
      for (ParamImportances.Entry e : result.entries()) table.add(List.of(e.param(), String.format(Locale.ROOT, "%.6f", e.importance())));
      table.print(out, OutputFormat.TABLE);
    }
    out.flush();
    return ExitCode.OK;
  }
}
