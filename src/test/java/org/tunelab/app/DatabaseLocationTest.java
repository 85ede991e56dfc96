package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

  @Test
  void resolvesAPlainRelativePathAgainstTheWorkingDirectory() {
    assertEquals(Path.of("runs/a.db").toAbsolutePath().normalize(), DatabaseLocation.parse("runs/a.db").file());
  }

  @Test
  void readsOptunaUrlsWithThreeAndFourSlashes() {
    assertEquals(Path.of("/data/b.db"), DatabaseLocation.parse("sqlite:////data/b.db").file());
    assertEquals(Path.of("b.db").toAbsolutePath().normalize(), DatabaseLocation.parse("sqlite:///b.db").file());
  }

  @Test
  void refusesAnInMemoryStoreBecauseThereIsNothingToShow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseLocation.parse("memory"));
    assertEquals("\"memory\" is an in-memory store; the app opens SQLite files", e.getMessage());
  }

  @Test
  void namesTheFileForTitles() {
    assertEquals("b.db", DatabaseLocation.parse("/data/b.db").shortName());
  }
}
