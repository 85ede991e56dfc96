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
    for (int i = 0; i < widths.length; i++) widths[i] = displayWidth(header.get(i));
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
    }
    printAlignedRow(out, header, widths);
    for (List<String> row : rows) printAlignedRow(out, row, widths);
  }

  private static void printAlignedRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) line.append(" ".repeat(widths[i] - displayWidth(cell) + 2));
    }
    out.println(line.toString().stripTrailing());
  }

  /**
   * Terminal columns a cell takes: East Asian wide characters (CJK ideographs, kana, Hangul,
   * full-width forms) take two, combining marks none, so names such as {@code 名前} stay aligned.
   */
  static int displayWidth(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) continue;
      width += isWide(cp) ? 2 : 1;
    }
    return width;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
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
