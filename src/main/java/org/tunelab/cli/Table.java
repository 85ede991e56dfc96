package org.tunelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of text cells under a header, printed as aligned columns or as CSV (RFC 4180 quoting). */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  void add(List<String> row) {
    if (row.size() != header.size()) throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
    rows.add(row);
  }

  void print(PrintWriter out, OutputFormat format) {
    if (format == OutputFormat.CSV) printCsv(out);
    else printAligned(out);
    out.flush();
  }

  private void printAligned(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) widths[i] = header.get(i).length();
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
    }
    printAlignedRow(out, header, widths);
    for (List<String> row : rows) printAlignedRow(out, row, widths);
  }

  private static void printAlignedRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
    }
    out.println(line.toString().stripTrailing());
  }

  private void printCsv(PrintWriter out) {
    out.println(csvLine(header));
    for (List<String> row : rows) out.println(csvLine(row));
  }

  static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String c : cells) {
      boolean needsQuotes = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
      quoted.add(needsQuotes ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return String.join(",", quoted);
  }
}
