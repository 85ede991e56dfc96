package org.tunelab.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDBC connection with its prepared statements, used by one thread at a time (the owner of the
 * write lock, or the borrower of a pooled reader). Caching statements matters: preparing costs about
 * as much as running the small statements a trial write consists of.
 */
final class SqliteSession implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  /** Set when the connection's transaction state is in doubt; such a session is closed, not reused. */
  private volatile boolean broken;

  SqliteSession(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  void markBroken() {
    broken = true;
  }

  boolean broken() {
    return broken;
  }

  /** A cached statement with its parameters cleared; do not close it. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  /**
   * Runs {@code action} once the current transaction has committed; dropped on rollback. In-process
   * caches change only here, so a retried or failed transaction never leaves them ahead of the file.
   */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void runAfterCommit() {
    List<Runnable> actions = new ArrayList<>(afterCommit);
    afterCommit.clear();
    actions.forEach(Runnable::run);
  }

  void discardAfterCommit() {
    afterCommit.clear();
  }

  @Override
  public void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing anyway; the connection close below releases everything
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing useful to do when a close fails
    }
  }
}
