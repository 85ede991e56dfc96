package org.tunelab.app.design;

import java.util.List;

/**
 * One setting of a sampler or pruner as the designer's property sheets show it.
 *
 * @param key the spec key ({@code n_startup_trials})
 * @param kind how its text is read
 * @param defaultText what applies when it is left blank, shown as the field's hint
 * @param description one line on what it does
 * @param choices the allowed values of a {@link Kind#CHOICE} setting
 */
public record AlgorithmSetting(String key, Kind kind, String defaultText, String description, List<String> choices) {
  /** How the text of a setting is read; {@code PRUNER} is a pruner in YAML flow style. */
  public enum Kind { INTEGER, NUMBER, INTEGER_OR_AUTO, CHOICE, BOOLEAN, PRUNER }

  public AlgorithmSetting {
    choices = List.copyOf(choices);
  }

  static AlgorithmSetting integer(String key, String defaultText, String description) {
    return new AlgorithmSetting(key, Kind.INTEGER, defaultText, description, List.of());
  }

  static AlgorithmSetting number(String key, String defaultText, String description) {
    return new AlgorithmSetting(key, Kind.NUMBER, defaultText, description, List.of());
  }

  static AlgorithmSetting integerOrAuto(String key, String defaultText, String description) {
    return new AlgorithmSetting(key, Kind.INTEGER_OR_AUTO, defaultText, description, List.of());
  }

  static AlgorithmSetting choice(String key, String defaultText, String description, List<String> choices) {
    return new AlgorithmSetting(key, Kind.CHOICE, defaultText, description, choices);
  }

  static AlgorithmSetting bool(String key, String defaultText, String description) {
    return new AlgorithmSetting(key, Kind.BOOLEAN, defaultText, description, List.of("true", "false"));
  }
}
