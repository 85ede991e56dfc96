package org.tunelab.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudySummary;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** The study list in five aggregate queries plus one bulk load of the best trials. */
record StudySummaryReader(TrialReader reader, String file) {
  List<StudySummary> read(SqliteSession s) throws SQLException {
    Map<Long, String> names = new LinkedHashMap<>();
    try (ResultSet rs = s.prepare("SELECT study_id, study_name FROM studies ORDER BY study_id").executeQuery()) {
      while (rs.next()) names.put(rs.getLong(1), rs.getString(2));
    }
    Map<Long, List<StudyDirection>> directions = new HashMap<>();
    try (ResultSet rs = s.prepare("SELECT study_id, direction FROM study_directions ORDER BY study_id, objective")
        .executeQuery()) {
      while (rs.next()) {
        StudyDirection d;
        try {
          d = StudyDirection.valueOf(rs.getString(2));
        } catch (IllegalArgumentException e) {
          throw new StorageException("unknown study direction \"" + rs.getString(2) + "\" in " + file);
        }
        directions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(d);
      }
    }
    Map<Long, Map<TrialState, Integer>> counts = new HashMap<>();
    Map<Long, LocalDateTime> starts = new HashMap<>();
    try (ResultSet rs = s.prepare("SELECT study_id, state, COUNT(*), MIN(datetime_start) FROM trials"
        + " GROUP BY study_id, state").executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        try {
          counts.computeIfAbsent(id, k -> new EnumMap<>(TrialState.class))
              .put(TrialState.valueOf(rs.getString(2)), rs.getInt(3));
        } catch (IllegalArgumentException e) {
          throw new StorageException("unknown trial state \"" + rs.getString(2) + "\" in " + file);
        }
        LocalDateTime start = ValueCodec.parse(rs.getString(4), () -> "datetime_start in " + file);
        if (start != null) starts.merge(id, start, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<Long, FrozenTrial> best = bestTrials(s);
    Map<Long, Map<String, Object>> attrs = new HashMap<>();
    try (ResultSet rs = s.prepare("SELECT study_id, \"key\", value_json FROM study_user_attributes ORDER BY"
        + " study_user_attribute_id").executeQuery()) {
      while (rs.next()) {
        attrs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
            .put(rs.getString(2), ValueCodec.fromJson(rs.getString(3), () -> "study_user_attributes of " + file));
      }
    }
    List<StudySummary> out = new ArrayList<>();
    names.forEach((id, name) -> out.add(new StudySummary(id, name, directions.getOrDefault(id, List.of()),
        counts.getOrDefault(id, Map.of()), best.get(id), starts.get(id), attrs.get(id))));
    return out;
  }

  /**
   * The best COMPLETE trial of each single-objective study in one query: ranked by value type
   * (INF_NEG, FINITE, INF_POS, since infinities have a NULL value), then value, then number; the
   * sign flips both for MAXIMIZE. Optuna 3.1 sorts by the value column alone and so may pick +inf.
   */
  private Map<Long, FrozenTrial> bestTrials(SqliteSession s) throws SQLException {
    Map<Long, Long> bestIds = new LinkedHashMap<>();
    try (ResultSet rs = s.prepare("SELECT study_id, trial_id FROM (SELECT t.study_id, t.trial_id,"
        + " ROW_NUMBER() OVER (PARTITION BY t.study_id ORDER BY"
        + " d.sgn * (CASE v.value_type WHEN 'INF_NEG' THEN -1 WHEN 'INF_POS' THEN 1 ELSE 0 END),"
        + " d.sgn * v.value, t.number) AS rank"
        + " FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id AND v.objective = 0"
        + " JOIN (SELECT study_id, CASE MAX(direction) WHEN 'MAXIMIZE' THEN -1 ELSE 1 END AS sgn"
        + " FROM study_directions GROUP BY study_id HAVING COUNT(*) = 1) d ON d.study_id = t.study_id"
        + " WHERE t.state = 'COMPLETE' AND (v.value IS NOT NULL OR v.value_type <> 'FINITE'))"
        + " WHERE rank = 1").executeQuery()) {
      while (rs.next()) bestIds.put(rs.getLong(1), rs.getLong(2));
    }
    Map<Long, FrozenTrial> byTrialId = new HashMap<>();
    for (FrozenTrial t : reader.byIds(s, bestIds.values())) byTrialId.put(t.trialId(), t);
    Map<Long, FrozenTrial> out = new HashMap<>();
    bestIds.forEach((study, trial) -> out.put(study, byTrialId.get(trial)));
    return out;
  }
}
