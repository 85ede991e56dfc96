package org.tunelab.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tunelab.space.Distribution;
import org.tunelab.space.DistributionJson;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.TrialNotUpdatableException;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.TrialWriteRules;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Writes trials as Optuna's {@code RDBStorage} does, inside the caller's {@code BEGIN IMMEDIATE}
 * transaction. Thread-safe: the only state is a cache of each study's first parameter distributions,
 * changed only after a commit.
 */
final class TrialWriter {
  private static final String UPSERT_PARAM = "INSERT INTO trial_params (trial_id, param_name, param_value,"
      + " distribution_json) VALUES (?, ?, ?, ?) ON CONFLICT(trial_id, param_name) DO UPDATE SET"
      + " param_value = excluded.param_value, distribution_json = excluded.distribution_json";
  private static final String UPSERT_INTERMEDIATE = "INSERT INTO trial_intermediate_values (trial_id, step,"
      + " intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?) ON CONFLICT(trial_id, step) DO UPDATE"
      + " SET intermediate_value = excluded.intermediate_value,"
      + " intermediate_value_type = excluded.intermediate_value_type";
  private static final String UPSERT_VALUE = "INSERT INTO trial_values (trial_id, objective, value, value_type)"
      + " VALUES (?, ?, ?, ?) ON CONFLICT(trial_id, objective) DO UPDATE SET value = excluded.value,"
      + " value_type = excluded.value_type";

  private final String file;
  private final TrialReader reader;
  /**
   * The distribution of the first {@code trial_params} row of each name, per study: what Optuna checks
   * a new parameter against. That row never changes while the study exists, so it is fetched once.
   */
  private final Map<Long, Map<String, Distribution>> firstDistributions = new ConcurrentHashMap<>();
  private final Map<Distribution, String> distributionJson = new ConcurrentHashMap<>();
  /** Per study, an id below which no trial is WAITING or can become so (see {@link #claim}). */
  private final Map<Long, Long> waitingFrom = new ConcurrentHashMap<>();

  TrialWriter(String file, TrialReader reader) {
    this.file = file;
    this.reader = reader;
  }

  /** An update with its JSON encoded and its parameters checked, done before the transaction starts. */
  record Encoded(TrialUpdate update, Map<String, String> distributions, Map<String, String> userAttrs,
      Map<String, String> systemAttrs) {}

  Encoded encode(TrialUpdate u) {
    Map<String, String> dists = new LinkedHashMap<>();
    u.params().forEach((name, value) -> {
      TrialWriteRules.checkParam(name, value);
      dists.put(name, json(value.distribution()));
    });
    return new Encoded(u, dists, encodeAll(u.userAttrs()), encodeAll(u.systemAttrs()));
  }

  private String json(Distribution d) {
    String json = distributionJson.get(d);
    if (json == null) {
      json = DistributionJson.toJson(d);
      if (distributionJson.size() < 10_000) distributionJson.put(d, json);
    }
    return json;
  }

  private static Map<String, String> encodeAll(Map<String, Object> attrs) {
    Map<String, String> out = new LinkedHashMap<>();
    attrs.forEach((k, v) -> out.put(k, ValueCodec.json(v)));
    return out;
  }

  /** Inserts a trial, numbers it as Optuna does, and applies the template. */
  FrozenTrial create(SqliteSession s, long studyId, Encoded template) throws SQLException {
    int objectives = objectives(s, studyId);
    TrialUpdate u = template.update();
    TrialState state = u.state() == null ? TrialState.RUNNING : u.state();
    LocalDateTime now = ValueCodec.now();
    LocalDateTime start = state == TrialState.WAITING ? null : now;
    PreparedStatement insert = s.prepare(
        "INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) VALUES (NULL, ?, ?, ?, NULL)");
    insert.setLong(1, studyId);
    insert.setString(2, state.name());
    insert.setString(3, ValueCodec.format(start));
    insert.executeUpdate();
    long trialId = lastInsertRowid(s);
    // Optuna's rule, evaluated under the write lock: the count of the study's trials with a smaller id.
    // That count is the number of the study's previous trial plus one, which the study_id index finds
    // without counting every trial (the count grows with the study; at 20,000 trials it dominated).
    PreparedStatement previous = s.prepare("SELECT number FROM trials WHERE study_id = ? AND trial_id < ?"
        + " ORDER BY trial_id DESC LIMIT 1");
    previous.setLong(1, studyId);
    previous.setLong(2, trialId);
    int number;
    try (ResultSet rs = previous.executeQuery()) {
      number = rs.next() ? rs.getInt(1) + 1 : 0;
    }
    PreparedStatement setNumber = s.prepare("UPDATE trials SET number = ? WHERE trial_id = ?");
    setNumber.setInt(1, number);
    setNumber.setLong(2, trialId);
    setNumber.executeUpdate();
    Ref ref = new Ref(trialId, studyId, number, state, objectives);
    LocalDateTime complete = apply(s, ref, template, state, false, now);
    return snapshot(ref, template, state, start, complete);
  }

  /** Applies an update to a RUNNING or WAITING trial. */
  void update(SqliteSession s, long trialId, Encoded encoded) throws SQLException {
    Ref ref = lookup(s, trialId);
    if (ref.state.isFinished()) throw new TrialNotUpdatableException(ref.number, ref.state);
    TrialState state = encoded.update().state() == null ? ref.state : encoded.update().state();
    apply(s, ref, encoded, state, encoded.update().state() != null, ValueCodec.now());
  }

  /** Compare-and-set WAITING to RUNNING on the study's oldest waiting trial. */
  Optional<FrozenTrial> claim(SqliteSession s, long studyId) throws SQLException {
    // No trial ever becomes WAITING again, and new ones get larger ids, so the ids below the smallest
    // one that was WAITING (or above the largest one) at the last look need no second look: the scan
    // walks the rowid range instead of the whole study ("+study_id" keeps SQLite on that range).
    long from = waitingFrom.getOrDefault(studyId, 0L);
    PreparedStatement find = s.prepare("SELECT trial_id FROM trials WHERE trial_id >= ? AND +study_id = ?"
        + " AND state = 'WAITING' ORDER BY number, trial_id LIMIT 1");
    find.setLong(1, from);
    find.setLong(2, studyId);
    long trialId;
    try (ResultSet rs = find.executeQuery()) {
      if (!rs.next()) {
        objectives(s, studyId);
        PreparedStatement last = s.prepare("SELECT MAX(trial_id) FROM trials");
        try (ResultSet max = last.executeQuery()) {
          if (max.next()) waitingFrom.put(studyId, Math.max(from, max.getLong(1) + 1));
        }
        return Optional.empty();
      }
      trialId = rs.getLong(1);
    }
    waitingFrom.put(studyId, Math.max(from, Math.min(trialId, smallestWaiting(s, studyId, from))));
    PreparedStatement cas = s.prepare("UPDATE trials SET state = 'RUNNING', datetime_start = ?"
        + " WHERE trial_id = ? AND state = 'WAITING'");
    cas.setString(1, ValueCodec.format(ValueCodec.now()));
    cas.setLong(2, trialId);
    if (cas.executeUpdate() != 1) return Optional.empty();
    return Optional.of(reader.byIds(s, List.of(trialId)).get(0));
  }

  /** The smallest id of a WAITING trial of the study from {@code from} on. */
  private static long smallestWaiting(SqliteSession s, long studyId, long from) throws SQLException {
    PreparedStatement min = s.prepare("SELECT MIN(trial_id) FROM trials WHERE trial_id >= ? AND +study_id = ?"
        + " AND state = 'WAITING'");
    min.setLong(1, from);
    min.setLong(2, studyId);
    try (ResultSet rs = min.executeQuery()) {
      return rs.next() ? rs.getLong(1) : from;
    }
  }

  /** Drops what is cached about a study (after it was deleted; its id may be reused). */
  void forgetStudy(long studyId) {
    firstDistributions.remove(studyId);
    waitingFrom.remove(studyId);
  }

  /** Validates first, then writes everything; returns the completion time when the state is final. */
  private LocalDateTime apply(SqliteSession s, Ref ref, Encoded e, TrialState state, boolean setState,
      LocalDateTime now) throws SQLException {
    TrialUpdate u = e.update();
    TrialWriteRules.checkValues(ref.objectives, state, u.values());
    checkCompatible(s, ref.studyId, u);
    if (!u.params().isEmpty()) {
      PreparedStatement ps = s.prepare(UPSERT_PARAM);
      for (Map.Entry<String, TrialUpdate.ParamValue> p : u.params().entrySet()) {
        ps.setLong(1, ref.trialId);
        ps.setString(2, p.getKey());
        ps.setDouble(3, p.getValue().internal());
        ps.setString(4, e.distributions().get(p.getKey()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!u.intermediateValues().isEmpty()) {
      PreparedStatement ps = s.prepare(UPSERT_INTERMEDIATE);
      for (Map.Entry<Integer, Double> iv : u.intermediateValues().entrySet()) {
        ps.setLong(1, ref.trialId);
        ps.setInt(2, iv.getKey());
        ValueCodec.bind(ps, 3, iv.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    upsertAttrs(s, "trial_user_attributes", ref.trialId, e.userAttrs());
    upsertAttrs(s, "trial_system_attributes", ref.trialId, e.systemAttrs());
    if (u.values() != null) {
      PreparedStatement ps = s.prepare(UPSERT_VALUE);
      for (int i = 0; i < u.values().size(); i++) {
        ps.setLong(1, ref.trialId);
        ps.setInt(2, i);
        ValueCodec.bind(ps, 3, u.values().get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    LocalDateTime complete = state.isFinished() ? now : null;
    if (setState || complete != null) {
      // A trial that starts running now gets its start time, as Optuna's set_trial_state_values does.
      PreparedStatement ps = s.prepare("UPDATE trials SET state = ?, datetime_start = CASE WHEN ? AND"
          + " datetime_start IS NULL THEN ? ELSE datetime_start END, datetime_complete = ? WHERE trial_id = ?");
      ps.setString(1, state.name());
      ps.setBoolean(2, state == TrialState.RUNNING);
      ps.setString(3, ValueCodec.format(now));
      ps.setString(4, ValueCodec.format(complete));
      ps.setLong(5, ref.trialId);
      ps.executeUpdate();
    }
    return complete;
  }

  private void checkCompatible(SqliteSession s, long studyId, TrialUpdate u) throws SQLException {
    if (u.params().isEmpty()) return;
    Map<String, Distribution> cached = firstDistributions.computeIfAbsent(studyId, id -> new ConcurrentHashMap<>());
    Map<String, Distribution> learned = new HashMap<>();
    for (Map.Entry<String, TrialUpdate.ParamValue> p : u.params().entrySet()) {
      String name = p.getKey();
      Distribution first = cached.get(name);
      if (first == null) first = firstInStudy(s, studyId, name);
      if (first != null) {
        TrialWriteRules.checkCompatible(name, first, p.getValue().distribution());
        learned.put(name, first);
      } else {
        learned.put(name, p.getValue().distribution());
      }
    }
    s.afterCommit(() -> learned.forEach(cached::putIfAbsent));
  }

  private Distribution firstInStudy(SqliteSession s, long studyId, String name) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT p.distribution_json FROM trial_params p JOIN trials t"
        + " ON t.trial_id = p.trial_id WHERE t.study_id = ? AND p.param_name = ? ORDER BY p.param_id LIMIT 1");
    ps.setLong(1, studyId);
    ps.setString(2, name);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) return null;
      try {
        return DistributionJson.fromJson(rs.getString(1));
      } catch (InvalidDistributionException e) {
        throw new StorageException("unreadable distribution of parameter \"" + name + "\" in " + file + ": "
            + e.getMessage(), e);
      }
    }
  }

  private static void upsertAttrs(SqliteSession s, String table, long trialId, Map<String, String> attrs)
      throws SQLException {
    if (attrs.isEmpty()) return;
    PreparedStatement ps = s.prepare("INSERT INTO " + table + " (trial_id, \"key\", value_json) VALUES (?, ?, ?)"
        + " ON CONFLICT(trial_id, \"key\") DO UPDATE SET value_json = excluded.value_json");
    for (Map.Entry<String, String> a : attrs.entrySet()) {
      ps.setLong(1, trialId);
      ps.setString(2, a.getKey());
      ps.setString(3, a.getValue());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  /** The number of objectives of a study; a study always has at least one, so 0 means none such. */
  int objectives(SqliteSession s, long studyId) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT COUNT(*) FROM study_directions WHERE study_id = ?");
    ps.setLong(1, studyId);
    try (ResultSet rs = ps.executeQuery()) {
      int n = rs.next() ? rs.getInt(1) : 0;
      if (n == 0) throw new StorageException("no study with id " + studyId + " in " + file);
      return n;
    }
  }

  private Ref lookup(SqliteSession s, long trialId) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT t.study_id, t.number, t.state, (SELECT COUNT(*) FROM study_directions d"
        + " WHERE d.study_id = t.study_id) FROM trials t WHERE t.trial_id = ?");
    ps.setLong(1, trialId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new StorageException("no trial with id " + trialId + " in " + file);
      return new Ref(trialId, rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3)), rs.getInt(4));
    }
  }

  private static long lastInsertRowid(SqliteSession s) throws SQLException {
    try (ResultSet rs = s.prepare("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The new trial as a reader would see it after commit (attributes normalized through JSON). */
  private static FrozenTrial snapshot(Ref ref, Encoded e, TrialState state, LocalDateTime start,
      LocalDateTime complete) {
    TrialUpdate u = e.update();
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    u.params().forEach((name, p) -> {
      params.put(name, p.distribution().toExternal(p.internal()));
      dists.put(name, p.distribution());
    });
    Map<String, Object> user = new LinkedHashMap<>();
    e.userAttrs().forEach((k, json) -> user.put(k, ValueCodec.fromJson(json, () -> "user attribute " + k)));
    Map<String, Object> system = new LinkedHashMap<>();
    e.systemAttrs().forEach((k, json) -> system.put(k, ValueCodec.fromJson(json, () -> "system attribute " + k)));
    return new FrozenTrial(ref.trialId, ref.number, state, u.values(), start, complete, params, dists, user,
        system, u.intermediateValues());
  }

  private record Ref(long trialId, long studyId, int number, TrialState state, int objectives) {}
}
