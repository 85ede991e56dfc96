package org.tunelab.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.Storage;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunelab trials STORAGE --study NAME}: one row per trial, values at full precision. */
@Command(name = "trials", mixinStandardHelpOptions = true,
    description = {"List the trials of a study: number, state, value(s), start, completion, duration (seconds),",
        "one column per parameter (params_NAME) and per user attribute (user_attrs_KEY)."})
final class TrialsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STORAGE", description = "sqlite:///relative.db, sqlite:////absolute.db or a path")
  String storage;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study to list.")
  String study;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--states", split = ",", paramLabel = "STATE",
      description = "Only trials in these states, e.g. --states COMPLETE,PRUNED (default: all).")
  List<TrialState> states;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage store = StorageArguments.openForReading(storage)) {
      long id = store.studyId(study);
      Set<TrialState> filter = states == null || states.isEmpty() ? Set.of() : EnumSet.copyOf(states);
      List<FrozenTrial> trials = store.trials(id, filter);
      int objectives = store.directions(id).size();
      if (format == OutputFormat.JSON) {
        out.println(PythonJson.write(TrialRows.json(trials, objectives)));
        out.flush();
      } else {
        TrialRows.table(trials, objectives).print(out, format);
      }
    }
    return ExitCode.OK;
  }
}
