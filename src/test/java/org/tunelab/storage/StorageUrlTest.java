package org.tunelab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunelab.storage.jdbc.OptunaSchema;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.StudyDirection;

class StorageUrlTest {
  private static final Path BASE = Path.of("/work/project");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "sqlite:///study.db, /work/project/study.db",
      "sqlite:///runs/../study.db, /work/project/study.db",
      "sqlite:////data/study.db, /data/study.db",
      "study.db, /work/project/study.db",
      "runs/study.db, /work/project/runs/study.db",
      "/data/study.db, /data/study.db",
      "'  sqlite:///spaced name.db  ', /work/project/spaced name.db"})
  void resolvesSqliteUrlsAndPaths(String text, String path) {
    StorageUrl url = StorageUrl.parse(text, BASE);
    assertEquals(StorageUrl.Kind.SQLITE, url.kind());
    assertEquals(Path.of(path), url.path());
    assertNull(url.schemaRevision());
  }

  @Test
  void expandsTheHomeDirectory() {
    assertEquals(Path.of(System.getProperty("user.home"), "s.db"), StorageUrl.parse("~/s.db", BASE).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", ":memory:", "sqlite://", "sqlite:///:memory:", "MEMORY"})
  void recognisesMemory(String text) {
    assertEquals(StorageUrl.Kind.MEMORY, StorageUrl.parse(text, BASE).kind());
  }

  @Test
  void readsTheSchemaOption() {
    StorageUrl url = StorageUrl.parse("sqlite:///old.db?schema=v3.0.0.d", BASE);
    assertEquals(Path.of("/work/project/old.db"), url.path());
    assertEquals("v3.0.0.d", url.schemaRevision());
    assertEquals("sqlite:////work/project/old.db?schema=v3.0.0.d", url.toString());
    assertEquals("v3.2.0.a", StorageUrl.parse("x.db?schema=v3.2.0.a", BASE).schemaRevision());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite:///x.db?schema=v2.6.0.a", "sqlite:///x.db?timeout=3"})
  void refusesUnknownOptions(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse(text, BASE));
    assertTrue(e.getMessage().contains("schema"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"postgresql://user@host/db, postgresql", "mysql+pymysql://u:p@h/db, mysql", "mysql://h/db, mysql"})
  void saysOtherDatabasesAreNotSupportedYet(String text, String family) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse(text, BASE));
    assertTrue(e.getMessage().contains(family + " is not supported yet"), e.getMessage());
  }

  @Test
  void refusesASqliteUrlWithTwoSlashes() {
    assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse("sqlite://study.db", BASE));
  }

  @Test
  void opensMemoryAndSqliteStores(@TempDir Path dir) throws Exception {
    try (Storage memory = Storages.open("memory", dir)) {
      assertInstanceOf(InMemoryStorage.class, memory);
    }
    try (Storage file = Storages.open("sqlite:///a.db", dir)) {
      assertInstanceOf(SqliteStorage.class, file);
      file.createStudy("s", List.of(StudyDirection.MINIMIZE));
      assertTrue(file.describe().contains(dir.resolve("a.db").toString()), file.describe());
    }
    try (Storage old = Storages.open("b.db?schema=v3.0.0.d", dir)) {
      assertEquals(OptunaSchema.V3_0_0_D, ((SqliteStorage) old).schema());
    }
    try (Storage again = Storages.open(dir.resolve("a.db").toString(), Path.of("/elsewhere"))) {
      assertEquals(1, again.studies().size());
    }
  }
}
