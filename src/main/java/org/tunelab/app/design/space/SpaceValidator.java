package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tunelab.json.PythonFloat;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/**
 * Turns drafts into a {@link SearchSpace} and says, field by field, what stops it. The rules of the
 * distributions are not repeated here: the engine's constructors are called and their messages are
 * shown at the field they are about. Only what the engine accepts but an editor should not (a high off
 * the step grid, which the engine silently lowers; a repeated choice; a condition on a float) and what
 * the engine cannot see (text that is not a number) are checked here.
 */
final class SpaceValidator {
  private SpaceValidator() {}

  static SpaceValidation validate(List<ParamDraft> drafts) {
    Map<Long, Map<ParamField, String>> errors = new LinkedHashMap<>();
    Map<Long, Param> params = new LinkedHashMap<>();
    Map<String, ParamDraft> earlier = new HashMap<>();
    Map<String, Distribution> earlierDistributions = new HashMap<>();
    Set<String> allNames = new HashSet<>();
    for (ParamDraft d : drafts) allNames.add(d.name());
    for (ParamDraft d : drafts) {
      Map<ParamField, String> rowErrors = new LinkedHashMap<>();
      checkName(d, earlier, rowErrors);
      Distribution distribution = distribution(d, rowErrors);
      Condition condition = condition(d, earlier, earlierDistributions, allNames, rowErrors);
      if (rowErrors.isEmpty()) {
        params.put(d.id(), new Param(d.name(), distribution, condition));
      } else {
        errors.put(d.id(), rowErrors);
      }
      if (!earlier.containsKey(d.name())) {
        earlier.put(d.name(), d);
        earlierDistributions.put(d.name(), distribution);
      }
    }
    List<String> messages = new ArrayList<>();
    int row = 0;
    for (ParamDraft d : drafts) {
      row++;
      Map<ParamField, String> rowErrors = errors.get(d.id());
      if (rowErrors == null) continue;
      String who = d.name().isBlank() ? "Parameter " + row + " (no name)" : "Parameter \"" + d.name() + "\"";
      rowErrors.forEach((field, message) -> messages.add(who + ", " + field.label() + ": " + message));
    }
    SearchSpace space = null;
    if (messages.isEmpty()) {
      try {
        space = SearchSpace.of(new ArrayList<>(params.values()));
      } catch (InvalidDistributionException e) {
        messages.add(e.getMessage()); // a rule checked only by the space itself
      }
    }
    return new SpaceValidation(space, messages, errors, params);
  }

  private static void checkName(ParamDraft d, Map<String, ParamDraft> earlier, Map<ParamField, String> errors) {
    try {
      Param.of(d.name(), CategoricalDistribution.of("probe"));
    } catch (InvalidDistributionException e) {
      errors.put(ParamField.NAME, e.getMessage());
      return;
    }
    if (earlier.containsKey(d.name())) {
      errors.put(ParamField.NAME, "parameter \"" + d.name() + "\" is defined twice; names must be unique");
    }
  }

  /** The row's distribution, or {@code null} with the reason put at the field it is about. */
  private static Distribution distribution(ParamDraft d, Map<ParamField, String> errors) {
    return switch (d.type()) {
      case FLOAT -> floatDistribution(d, errors);
      case INT -> intDistribution(d, errors);
      case CATEGORICAL -> categorical(d, errors);
    };
  }

  private static Distribution floatDistribution(ParamDraft d, Map<ParamField, String> errors) {
    Double low = number(d.low(), ParamField.LOW, errors);
    Double high = number(d.high(), ParamField.HIGH, errors);
    Double step = d.step().isBlank() ? null : number(d.step(), ParamField.STEP, errors);
    if (low == null || high == null || (!d.step().isBlank() && step == null)) return null;
    FloatDistribution f = engine(errors, () -> new FloatDistribution(low, high, step, d.log()));
    if (f != null && f.high() != high) {
      errors.put(ParamField.HIGH, "high must lie on the step grid low + k * step; the last point below "
          + PythonFloat.repr(high) + " is " + PythonFloat.repr(f.high()));
      return null;
    }
    return f;
  }

  private static Distribution intDistribution(ParamDraft d, Map<ParamField, String> errors) {
    Long low = integer(d.low(), ParamField.LOW, errors);
    Long high = integer(d.high(), ParamField.HIGH, errors);
    Long step = d.step().isBlank() ? Long.valueOf(1) : integer(d.step(), ParamField.STEP, errors);
    if (low == null || high == null || step == null) return null;
    IntDistribution i = engine(errors, () -> new IntDistribution(low, high, step, d.log()));
    if (i != null && i.high() != high) {
      errors.put(ParamField.HIGH, "high must lie on the step grid low + k * step; the last point below "
          + high + " is " + i.high());
      return null;
    }
    return i;
  }

  private static Distribution categorical(ParamDraft d, Map<ParamField, String> errors) {
    List<Object> choices;
    try {
      choices = ChoiceText.parse(d.choices());
    } catch (DraftFormatException e) {
      errors.put(ParamField.CHOICES, e.getMessage());
      return null;
    }
    CategoricalDistribution c = engine(errors, () -> new CategoricalDistribution(choices));
    if (c == null) return null;
    for (int i = 0; i < c.choices().size(); i++) {
      Object choice = c.choices().get(i);
      if (c.toInternal(choice) != i) {
        errors.put(ParamField.CHOICES, "the choice " + ChoiceText.format(choice) + " is listed twice");
        return null;
      }
    }
    return c;
  }

  private static Condition condition(ParamDraft d, Map<String, ParamDraft> earlier,
      Map<String, Distribution> earlierDistributions, Set<String> allNames, Map<ParamField, String> errors) {
    String parent = d.conditionParent();
    if (parent.isBlank()) {
      if (!d.conditionValues().isBlank()) {
        errors.put(ParamField.CONDITION_PARENT, "condition values are set but no parent parameter is chosen");
      }
      return null;
    }
    if (parent.equals(d.name())) {
      errors.put(ParamField.CONDITION_PARENT, "a parameter cannot depend on itself");
      return null;
    }
    ParamDraft parentDraft = earlier.get(parent);
    if (parentDraft == null) {
      errors.put(ParamField.CONDITION_PARENT, "depends on \"" + parent + "\", which "
          + (allNames.contains(parent) ? "must be defined before it" : "is not a parameter of this space"));
      return null;
    }
    if (parentDraft.type() == ParamType.FLOAT) {
      errors.put(ParamField.CONDITION_PARENT, "depends on \"" + parent
          + "\", a float; a condition needs a categorical or int parent, whose values can be listed");
      return null;
    }
    List<Object> values;
    try {
      values = ChoiceText.parse(d.conditionValues());
    } catch (DraftFormatException e) {
      errors.put(ParamField.CONDITION_VALUES, e.getMessage());
      return null;
    }
    Condition condition;
    try {
      condition = new Condition(parent, values);
    } catch (InvalidDistributionException e) {
      errors.put(ParamField.CONDITION_VALUES, e.getMessage());
      return null;
    }
    Distribution parentDistribution = earlierDistributions.get(parent);
    if (parentDistribution == null) return condition; // the parent's own error is already shown
    for (Object v : values) {
      if (!takes(parentDistribution, v)) {
        errors.put(ParamField.CONDITION_VALUES, "condition value " + ChoiceText.format(v) + " can never be taken by \""
            + parent + "\" (" + parentDistribution.describe() + ")");
        return null;
      }
    }
    return condition;
  }

  private static boolean takes(Distribution distribution, Object value) {
    try {
      return distribution.contains(distribution.toInternal(value));
    } catch (InvalidDistributionException e) {
      return false;
    }
  }

  /** Calls an engine constructor and files its message under the field the message is about. */
  private static <T extends Distribution> T engine(Map<ParamField, String> errors,
      java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidDistributionException e) {
      errors.put(fieldOf(e.getMessage()), e.getMessage());
      return null;
    }
  }

  /** Which field an engine message is about, from how the distributions word their messages. */
  static ParamField fieldOf(String message) {
    if (message.contains("<= high")) return ParamField.HIGH;
    if (message.startsWith("step")) return ParamField.STEP;
    if (message.startsWith("low")) return ParamField.LOW;
    return ParamField.CHOICES;
  }

  private static Double number(String text, ParamField field, Map<ParamField, String> errors) {
    String t = text.trim();
    if (t.isEmpty()) {
      errors.put(field, field.label() + " is required");
      return null;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      errors.put(field, field.label() + " must be a number, got \"" + text + "\"");
      return null;
    }
  }

  private static Long integer(String text, ParamField field, Map<ParamField, String> errors) {
    String t = text.trim();
    if (t.isEmpty()) {
      errors.put(field, field.label() + " is required");
      return null;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      errors.put(field, field.label() + " must be a whole number for an int parameter, got \"" + text + "\"");
      return null;
    }
  }
}
