package org.tunelab.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Optuna's {@code trial_heartbeats} table: one row per trial, the time of its latest heartbeat by
 * the database's clock ({@code CURRENT_TIMESTAMP}, UTC to the second), so that machines with skewed
 * clocks agree on what is stale. Optuna's {@code fail_stale_trials} reads the same rows.
 */
final class HeartbeatTable {
  private HeartbeatTable() {}

  /** Upserts a heartbeat for each trial that is still RUNNING. */
  static void record(SqliteSession s, Collection<Long> trialIds) throws SQLException {
    // An upsert from a SELECT needs a WHERE clause to parse; the EXISTS is that clause and skips finished trials.
    PreparedStatement ps = s.prepare("INSERT INTO trial_heartbeats (trial_id, heartbeat)"
        + " SELECT ?, CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM trials WHERE trial_id = ? AND state = 'RUNNING')"
        + " ON CONFLICT(trial_id) DO UPDATE SET heartbeat = excluded.heartbeat");
    for (long id : trialIds) {
      ps.setLong(1, id);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Ids of the study's RUNNING trials whose heartbeat is older than {@code grace}. */
  static List<Long> stale(SqliteSession s, long studyId, Duration grace) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT t.trial_id FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id"
        + " WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat < datetime('now', ?) ORDER BY t.number");
    ps.setLong(1, studyId);
    ps.setString(2, "-" + Math.max(0, grace.toSeconds()) + " seconds");
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) ids.add(rs.getLong(1));
    }
    return ids;
  }
}
