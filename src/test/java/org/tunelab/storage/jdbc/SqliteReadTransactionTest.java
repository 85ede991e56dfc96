package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads whose transaction SQLite ended on its own (as it may after a busy WAL recovery). */
class SqliteReadTransactionTest {
  @TempDir
  Path dir;

  @Test
  void aReadWhoseTransactionSqliteAlreadyEndedReturnsItsResultOnAFreshConnectionNextTime() throws Exception {
    SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"), OptunaSchema.V3_2_0_A, "test", false);
    try {
      Connection first = db.read("ends its own transaction", s -> {
        try (Statement st = s.connection().createStatement()) {
          st.execute("ROLLBACK");
        }
        return s.connection();
      });
      Connection second = db.read("reads again", s -> s.connection());
      assertNotSame(first, second, "a connection whose transaction state was in doubt was reused");
      assertTrue(first.isClosed());
      assertEquals(Integer.valueOf(1), db.read("counts", s -> {
        try (Statement st = s.connection().createStatement(); var rs = st.executeQuery("SELECT 1")) {
          rs.next();
          return rs.getInt(1);
        }
      }));
    } finally {
      db.close();
    }
  }
}
