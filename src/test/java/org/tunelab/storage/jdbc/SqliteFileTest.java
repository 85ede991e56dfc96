package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** What only a SQLite file shows: the exact DDL, revisions, raw encodings, WAL, errors naming the file. */
class SqliteFileTest {
  private static final String MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} like {1}")
  @CsvSource({"V3_2_0_A, optuna-4.9, v3.2.0.a", "V3_0_0_D, optuna-3.1, v3.0.0.d"})
  void newFileHasOptunasDdlByteForByte(OptunaSchema schema, String fixtures, String revision) throws Exception {
    Path file = dir.resolve("new.db");
    try (SqliteStorage storage = SqliteStorage.open(file, schema)) {
      assertEquals(schema, storage.schema());
    }
    Path optunaFile = FixtureFiles.copy(fixtures, "single.db", dir);
    assertEquals(FixtureFiles.query(optunaFile, MASTER), FixtureFiles.query(file, MASTER));
    assertEquals(List.of(List.of(revision)), FixtureFiles.query(file, "SELECT version_num FROM alembic_version"));
    assertEquals(List.of(List.of(1, 12, SqliteStorage.libraryVersion())),
        FixtureFiles.query(file, "SELECT * FROM version_info"));
  }

  @Test
  void switchesTheFileToWal() throws Exception {
    Path file = dir.resolve("wal.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
    }
    assertEquals(List.of(List.of("wal")), FixtureFiles.query(file, "PRAGMA journal_mode"));
  }

  @Test
  void writesRowsExactlyAsOptunaDoes() throws Exception {
    Path file = dir.resolve("rows.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      long id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
      storage.setStudyUserAttr(id, "name", "größe");
      FrozenTrial t = storage.createTrial(id, null);
      storage.updateTrial(t.trialId(), TrialUpdate.builder()
          .param("c", CategoricalDistribution.of("adam", "sgd", null, 3L, 2.5, true), 2)
          .param("lr", FloatDistribution.log(1e-5, 0.1), 0.001)
          .intermediateValue(0, Double.NaN).intermediateValue(1, Double.NEGATIVE_INFINITY).intermediateValue(2, 0.5)
          .userAttr("d", java.util.Map.of("a", List.of(1L, 2L)))
          .state(TrialState.COMPLETE).values(List.of(Double.POSITIVE_INFINITY, 1.25)).build());
      storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());
    }
    assertEquals(List.of(List.of("MINIMIZE", 0), List.of("MAXIMIZE", 1)),
        FixtureFiles.query(file, "SELECT direction, objective FROM study_directions ORDER BY objective"));
    assertEquals(List.of(List.of("\"gr\\u00f6\\u00dfe\"")), FixtureFiles.query(file,
        "SELECT value_json FROM study_user_attributes"));
    assertEquals(List.of(
        List.of("c", 2.0, "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"adam\", \"sgd\","
            + " null, 3, 2.5, true]}}"),
        List.of("lr", 0.001, "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05,"
            + " \"high\": 0.1, \"log\": true}}")),
        FixtureFiles.query(file, "SELECT param_name, param_value, distribution_json FROM trial_params ORDER BY param_id"));
    assertEquals(List.of(java.util.Arrays.asList(0, null, "INF_POS"), java.util.Arrays.asList(1, 1.25, "FINITE")),
        FixtureFiles.query(file, "SELECT objective, value, value_type FROM trial_values ORDER BY objective"));
    assertEquals(List.of(java.util.Arrays.asList(0, null, "NAN"), java.util.Arrays.asList(1, null, "INF_NEG"),
        java.util.Arrays.asList(2, 0.5, "FINITE")), FixtureFiles.query(file,
        "SELECT step, intermediate_value, intermediate_value_type FROM trial_intermediate_values ORDER BY step"));
    assertEquals(List.of(List.of("{\"a\": [1, 2]}")), FixtureFiles.query(file, "SELECT value_json FROM trial_user_attributes"));
    List<List<Object>> trials = FixtureFiles.query(file,
        "SELECT number, state, datetime_start, datetime_complete FROM trials ORDER BY trial_id");
    assertEquals(0, trials.get(0).get(0));
    assertEquals("COMPLETE", trials.get(0).get(1));
    String sqlalchemyDateTime = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    assertTrue(((String) trials.get(0).get(2)).matches(sqlalchemyDateTime), trials.get(0).toString());
    assertTrue(((String) trials.get(0).get(3)).matches(sqlalchemyDateTime), trials.get(0).toString());
    assertEquals(java.util.Arrays.asList(1, "WAITING", null, null), trials.get(1));
  }

  @Test
  void readsDatetimesWithOrWithoutFractionAndWithT() throws Exception {
    Path file = dir.resolve("dates.db");
    long id;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
      storage.createTrial(id, null);
      storage.createTrial(id, null);
      storage.createTrial(id, null);
    }
    FixtureFiles.execute(file, "UPDATE trials SET datetime_start = '2024-01-02 03:04:05' WHERE number = 0");
    FixtureFiles.execute(file, "UPDATE trials SET datetime_start = '2024-01-02T03:04:05.123' WHERE number = 1");
    FixtureFiles.execute(file, "UPDATE trials SET datetime_start = '2024-01-02 03:04:05.123456' WHERE number = 2");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      List<FrozenTrial> trials = storage.trials(id);
      assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), trials.get(0).datetimeStart());
      assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), trials.get(1).datetimeStart());
      assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), trials.get(2).datetimeStart());
    }
  }

  @Test
  void refusesUnsupportedRevisionNamingIt() throws Exception {
    Path file = dir.resolve("old.db");
    SqliteStorage.open(file).close();
    FixtureFiles.execute(file, "UPDATE alembic_version SET version_num = 'v2.6.0.a'");
    StorageException e = assertThrows(StorageException.class, () -> SqliteStorage.open(file));
    assertTrue(e.getMessage().contains("v2.6.0.a") && e.getMessage().contains("v3.2.0.a")
        && e.getMessage().contains("v3.0.0.d") && e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void refusesAFileThatIsNotSqlite() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "this is not a database, just a long enough line of text to fill a header. ".repeat(20));
    StorageException e = assertThrows(StorageException.class, () -> SqliteStorage.open(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a SQLite database"),
        e.getMessage());
  }

  @Test
  void refusesASqliteFileThatIsNotOptunas() throws Exception {
    Path file = dir.resolve("other.db");
    FixtureFiles.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    StorageException e = assertThrows(StorageException.class, () -> SqliteStorage.open(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not an Optuna storage"),
        e.getMessage());
    assertEquals(List.of(List.of("delete")), FixtureFiles.query(file, "PRAGMA journal_mode"));
  }

  @Test
  void refusesToCreateAFileInAMissingDirectory() {
    Path file = dir.resolve("missing/sub/study.db");
    StorageException e = assertThrows(StorageException.class, () -> SqliteStorage.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @ParameterizedTest(name = "index {0} -> {1}")
  @CsvSource({"true, v3.2.0.a", "false, v3.0.0.d"})
  void stampsAnUnstampedFileByItsTables(boolean withIndex, String revision) throws Exception {
    Path file = dir.resolve("unstamped.db");
    SqliteStorage.open(file, withIndex ? OptunaSchema.V3_2_0_A : OptunaSchema.V3_0_0_D).close();
    FixtureFiles.execute(file, "DELETE FROM alembic_version");
    try (SqliteStorage storage = SqliteStorage.open(file, OptunaSchema.V3_2_0_A)) {
      assertEquals(revision, storage.schema().revision());
    }
    assertEquals(List.of(List.of(revision)), FixtureFiles.query(file, "SELECT version_num FROM alembic_version"));
  }

  @Test
  void readOnlyStoreReadsWithoutChangingTheFile() throws Exception {
    Path file = FixtureFiles.copy("optuna-4.9", "multi_study.db", dir);
    byte[] before = Files.readAllBytes(file);
    try (SqliteStorage storage = SqliteStorage.openReadOnly(file)) {
      assertTrue(storage.isReadOnly());
      assertEquals(12, storage.trials(storage.studyId("alpha")).size());
      StorageException e = assertThrows(StorageException.class,
          () -> storage.createStudy("new", List.of(StudyDirection.MINIMIZE)));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the file changed");
  }

  @Test
  void dataVersionSeesCommitsOfOtherConnections() {
    Path file = dir.resolve("shared.db");
    try (SqliteStorage watcher = SqliteStorage.open(file); SqliteStorage writer = SqliteStorage.open(file)) {
      long id = writer.createStudy("s", List.of(StudyDirection.MINIMIZE));
      long v0 = watcher.dataVersion();
      assertEquals(v0, watcher.dataVersion());
      FrozenTrial t = writer.createTrial(id, null);
      long v1 = watcher.dataVersion();
      assertNotEquals(v0, v1);
      writer.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(0, 1.0).build());
      assertNotEquals(v1, watcher.dataVersion());
      assertEquals(Set.of(TrialState.RUNNING), Set.of(watcher.trial(t.trialId()).state()));
    }
  }

  @Test
  void closedStoreRefusesWork() {
    SqliteStorage storage = SqliteStorage.open(dir.resolve("closed.db"));
    storage.close();
    StorageException e = assertThrows(StorageException.class, storage::studies);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    storage.close();
  }

  @Test
  void waitingTrialHasNoStartUntilClaimed() {
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("w.db"))) {
      long id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
      FrozenTrial w = storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());
      assertNull(storage.trial(w.trialId()).datetimeStart());
      assertTrue(storage.claimWaitingTrial(id).orElseThrow().datetimeStart() != null);
    }
  }
}
