package org.tunelab.app.design;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.trial.StudyDirection;

/**
 * Everything the designer's forms hold, as the user typed it: text stays text until
 * {@link SpecAssembler} parses it, so a half-typed value is a validation message, never an
 * exception. Immutable; the designer's undo history is a list of these snapshots.
 *
 * @param objectiveKind {@code command} or {@code builtin}
 * @param env one {@code NAME=value} per line
 * @param samplerSettings sampler settings by spec key, as typed (absent or blank: the default)
 * @param prunerSettings pruner settings by spec key, as typed (absent or blank: the default)
 * @param localSlots trials run at once on this machine; blank for no local executor entry
 * @param gpus local GPU ids, separated by commas
 */
public record DesignForm(String name, String storage, List<StudyDirection> directions, String objectiveKind,
    String builtin, String command, String workdir, String env, String metricRegex, String metricStep,
    String trialTimeout, String samplerType, Map<String, String> samplerSettings, String prunerType,
    Map<String, String> prunerSettings, String localSlots, String gpus, List<SshHostForm> hosts, String trials,
    String timeout, String workers) {

  /** The objective kinds a form can hold. */
  public static final List<String> OBJECTIVE_KINDS = List.of("command", "builtin");

  public DesignForm {
    directions = List.copyOf(directions);
    samplerSettings = Map.copyOf(samplerSettings);
    prunerSettings = Map.copyOf(prunerSettings);
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(objectiveKind, "objectiveKind");
  }

  /** A new study: a command objective, minimized, TPE, no pruner, 100 trials. */
  public static DesignForm empty() {
    return new DesignForm("my-study", "", List.of(StudyDirection.MINIMIZE), "command", "", "", ".", "", "", "", "",
        "tpe", Map.of(), "none", Map.of(), "", "", List.of(), "100", "", "1");
  }
}
