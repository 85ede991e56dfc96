package org.tunelab.app.design;

/**
 * One thing wrong with the study being designed.
 *
 * @param field the spec's dotted path of the field ({@code objective.command}, {@code sampler.seed},
 *     {@code executors[1].port}), so the designer shows it beside that field
 * @param message what is wrong, readable on its own
 */
public record FieldProblem(String field, String message) {
  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
