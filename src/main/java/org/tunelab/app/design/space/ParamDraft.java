package org.tunelab.app.design.space;

import java.util.Objects;

/**
 * One parameter as the editor holds it: every field as the user typed it, so that a half-typed or
 * wrong value ({@code 1e-}, {@code abc}) can be shown with its error instead of being lost. Immutable;
 * an edit replaces the draft. The id is stable across edits so selection and keystroke merging can
 * follow a row while its name changes.
 *
 * @param id a number unique within one editor, kept by every edit of this row
 * @param step the step as text, empty for none
 * @param choices the choices of a categorical parameter, comma-separated ({@link ChoiceText})
 * @param conditionParent the parent parameter's name, empty when the parameter is always active
 * @param conditionValues the parent's values that activate it, comma-separated ({@link ChoiceText})
 */
public record ParamDraft(long id, String name, ParamType type, String low, String high, String step, boolean log,
    String choices, String conditionParent, String conditionValues) {

  public ParamDraft {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    low = Objects.requireNonNullElse(low, "");
    high = Objects.requireNonNullElse(high, "");
    step = Objects.requireNonNullElse(step, "");
    choices = Objects.requireNonNullElse(choices, "");
    conditionParent = Objects.requireNonNullElse(conditionParent, "");
    conditionValues = Objects.requireNonNullElse(conditionValues, "");
  }

  /** A new float parameter on [0, 1], what "Add" creates. */
  public static ParamDraft newFloat(long id, String name) {
    return new ParamDraft(id, name, ParamType.FLOAT, "0.0", "1.0", "", false, "", "", "");
  }

  /** Whether the parameter is active only under a condition. */
  public boolean isConditional() {
    return !conditionParent.isBlank();
  }

  /** The text of a text field; {@link ParamField#TYPE} and {@link ParamField#LOG} give their labels. */
  public String text(ParamField field) {
    return switch (field) {
      case NAME -> name;
      case TYPE -> type.label();
      case LOW -> low;
      case HIGH -> high;
      case STEP -> step;
      case LOG -> String.valueOf(log);
      case CHOICES -> choices;
      case CONDITION_PARENT -> conditionParent;
      case CONDITION_VALUES -> conditionValues;
    };
  }

  /** This draft with one text field replaced; {@link ParamField#TYPE} and {@link ParamField#LOG} parse the text. */
  public ParamDraft with(ParamField field, String text) {
    return switch (field) {
      case NAME -> new ParamDraft(id, text, type, low, high, step, log, choices, conditionParent, conditionValues);
      case TYPE -> new ParamDraft(id, name, ParamType.valueOf(text.toUpperCase(java.util.Locale.ROOT)), low, high,
          step, log, choices, conditionParent, conditionValues);
      case LOW -> new ParamDraft(id, name, type, text, high, step, log, choices, conditionParent, conditionValues);
      case HIGH -> new ParamDraft(id, name, type, low, text, step, log, choices, conditionParent, conditionValues);
      case STEP -> new ParamDraft(id, name, type, low, high, text, log, choices, conditionParent, conditionValues);
      case LOG -> new ParamDraft(id, name, type, low, high, step, Boolean.parseBoolean(text), choices,
          conditionParent, conditionValues);
      case CHOICES -> new ParamDraft(id, name, type, low, high, step, log, text, conditionParent, conditionValues);
      case CONDITION_PARENT -> new ParamDraft(id, name, type, low, high, step, log, choices, text, conditionValues);
      case CONDITION_VALUES -> new ParamDraft(id, name, type, low, high, step, log, choices, conditionParent, text);
    };
  }

  /** The same fields under another id, for a copy. */
  public ParamDraft withId(long newId, String newName) {
    return new ParamDraft(newId, newName, type, low, high, step, log, choices, conditionParent, conditionValues);
  }
}
