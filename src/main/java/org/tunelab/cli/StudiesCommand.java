package org.tunelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StudySummary;
import org.tunelab.trial.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunelab studies STORAGE}: every study with its directions, trials per state and best value. */
@Command(name = "studies", mixinStandardHelpOptions = true,
    description = "List the studies in a storage: name, directions, trials per state, best value.")
final class StudiesCommand implements Callable<Integer> {
  private static final List<TrialState> STATES = List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL,
      TrialState.RUNNING, TrialState.WAITING);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STORAGE", description = "sqlite:///relative.db, sqlite:////absolute.db or a path")
  String storage;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage store = StorageArguments.openForReading(storage)) {
      List<StudySummary> studies = store.studies();
      if (format == OutputFormat.JSON) {
        List<Object> objects = new ArrayList<>();
        for (StudySummary s : studies) objects.add(json(s));
        out.println(PythonJson.write(objects));
        out.flush();
        return ExitCode.OK;
      }
      List<String> header = new ArrayList<>(List.of("name", "directions"));
      for (TrialState s : STATES) header.add(s.name().toLowerCase(Locale.ROOT));
      header.add("best_value");
      Table table = new Table(header);
      for (StudySummary s : studies) {
        List<String> row = new ArrayList<>(List.of(s.name(), Cells.directions(s.directions())));
        for (TrialState state : STATES) row.add(String.valueOf(s.stateCounts().get(state)));
        row.add(s.bestTrial() == null ? "" : Cells.number(s.bestTrial().value()));
        table.add(row);
      }
      table.print(out, format);
    }
    return ExitCode.OK;
  }

  private static Map<String, Object> json(StudySummary s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", s.name());
    o.put("directions", s.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (TrialState state : STATES) counts.put(state.name(), (long) s.stateCounts().get(state));
    o.put("trials", counts);
    o.put("best_value", s.bestTrial() == null ? null : s.bestTrial().value());
    o.put("best_trial", s.bestTrial() == null ? null : (long) s.bestTrial().number());
    return o;
  }
}
