package org.tunelab.app.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunelab.app.Formats;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Distribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;

/**
 * Parameters typed by the user to enqueue a trial, checked against the distributions of the trial
 * they were copied from: a float must be a number within its bounds (and on its step grid), an int a
 * whole number, a categorical one of its choices. Pure, so tested without a display.
 */
public final class ParamInput {
  private ParamInput() {}

  /** The parsed values, or why each bad one is bad. */
  public record Result(Map<String, Object> params, Map<String, String> errors) {
    public Result {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
      errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /** The text a value is shown as in the dialog, which {@link #parse} reads back to the same value. */
  public static String text(Object value) {
    return value instanceof String s ? s : Formats.param(value);
  }

  /** Reads {@code texts} (by parameter name) against {@code distributions}. */
  public static Result parse(Map<String, String> texts, Map<String, Distribution> distributions) {
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    texts.forEach((name, raw) -> {
      Distribution d = distributions.get(name);
      String text = raw == null ? "" : raw.strip();
      try {
        Object value = d == null ? text : value(text, d);
        params.put(name, value);
      } catch (IllegalArgumentException e) {
        errors.put(name, e.getMessage());
      }
    });
    return new Result(params, errors);
  }

  private static Object value(String text, Distribution d) {
    Objects.requireNonNull(d);
    if (text.isEmpty()) throw new IllegalArgumentException("a value is needed (" + d.describe() + ")");
    Object value;
    if (d instanceof FloatDistribution) {
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a number (" + d.describe() + ")");
      }
    } else if (d instanceof IntDistribution) {
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a whole number (" + d.describe() + ")");
      }
    } else {
      List<Object> choices = ((CategoricalDistribution) d).choices();
      value = choices.stream().filter(c -> text(c).equals(text)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("\"" + text + "\" is not one of " + choices.stream().map(ParamInput::text).toList()));
    }
    double internal;
    try {
      internal = d.toInternal(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(text + " does not fit " + d.describe());
    }
    if (!d.contains(internal)) throw new IllegalArgumentException(text + " is outside " + d.describe());
    return value;
  }
}
