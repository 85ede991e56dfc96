package org.tunelab.cli;

/** How {@code studies} and {@code trials} print: aligned columns, CSV with a header line, or a JSON array. */
enum OutputFormat {
  TABLE, CSV, JSON
}
