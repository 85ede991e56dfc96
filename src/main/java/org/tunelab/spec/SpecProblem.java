package org.tunelab.spec;

/**
 * One thing wrong with a spec file, located as precisely as the YAML allows.
 *
 * <pre>{@code
 * new SpecProblem("study.yaml", 7, "space.lr.low", "must be > 0 for a log scale, got 0.0").toString()
 * // study.yaml:7: space.lr.low: must be > 0 for a log scale, got 0.0
 * }</pre>
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param field dotted path of the offending key ({@code space.lr.low}), or empty for the document
 */
public record SpecProblem(String file, int line, String field, String message) {

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) out.append(':').append(line);
    out.append(": ");
    if (!field.isEmpty()) out.append(field).append(": ");
    return out.append(message).toString();
  }
}
