package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void countsWideCharactersAsTwoColumns() {
    assertEquals(4, Table.displayWidth("名前"));
    assertEquals(5, Table.displayWidth("größe"));
    assertEquals(1, Table.displayWidth("e\u0301"));
  }

  @Test
  void alignsColumnsAfterWideCharacters() {
    Table table = new Table(List.of("name", "n"));
    table.add(List.of("delta ü名前", "3"));
    table.add(List.of("alpha", "12"));
    StringWriter text = new StringWriter();
    table.print(new PrintWriter(text), OutputFormat.TABLE);
    assertEquals(List.of("name         n", "delta ü名前  3", "alpha        12"), text.toString().lines().toList());
  }

  @Test
  void quotesCsvCellsThatNeedIt() {
    assertEquals("a,\"b,c\",\"say \"\"hi\"\"\"", Table.csvLine(List.of("a", "b,c", "say \"hi\"")));
  }
}
