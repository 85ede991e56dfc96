package org.tunelab.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tunelab.space.Distribution;
import org.tunelab.space.DistributionJson;
import org.tunelab.space.InvalidDistributionException;
import org.tunelab.storage.StorageException;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/**
 * Loads trials in bulk: one query per table (trials, params, values, intermediate values, user and
 * system attributes), each restricted by the same condition on {@code trials}, grouped by trial id in
 * Java. Six queries read 10,000 trials; one query per trial would need 60,000. Call it inside one read
 * transaction so all six see the same snapshot.
 *
 * <p>The child-table queries have no {@code ORDER BY}: SQLite walks them trial by trial through their
 * {@code trial_id} index, and sorting 400,000 parameter rows by id in a temporary B-tree took a third
 * of a 100,000-trial read. The order within a trial (the order its parameters and attributes were
 * set, i.e. by row id) is restored per trial in Java, where a trial has a handful of rows.
 */
final class TrialReader {
  private final String file;

  TrialReader(String file) {
    this.file = file;
  }

  /** The study's trials in these states (all when empty), by number. */
  List<FrozenTrial> ofStudy(SqliteSession s, long studyId, Set<TrialState> states) throws SQLException {
    String scope = "t.study_id = ?";
    if (!states.isEmpty() && states.size() < TrialState.values().length) {
      // State names are our own enum constants, so inlining them is safe; it keeps one cached
      // statement per state set.
      scope += " AND t.state IN (" + states.stream().sorted().map(st -> "'" + st.name() + "'")
          .collect(Collectors.joining(", ")) + ")";
    }
    return load(s, scope, List.of(studyId));
  }

  /**
   * The study's trials with an id above {@code afterId} or among {@code alsoIds}, by number. A long
   * list of ids becomes a range from the smallest, which re-reads a few finished trials but keeps the
   * statement small.
   */
  List<FrozenTrial> since(SqliteSession s, long studyId, long afterId, Collection<Long> alsoIds) throws SQLException {
    if (alsoIds.isEmpty()) return load(s, "t.study_id = ? AND t.trial_id > ?", List.of(studyId, afterId));
    if (alsoIds.size() > 200) {
      long from = Math.min(afterId, alsoIds.stream().mapToLong(Long::longValue).min().getAsLong() - 1);
      return load(s, "t.study_id = ? AND t.trial_id > ?", List.of(studyId, from));
    }
    List<Long> args = new ArrayList<>(List.of(studyId, afterId));
    args.addAll(alsoIds);
    String marks = alsoIds.stream().map(id -> "?").collect(Collectors.joining(", "));
    return load(s, "t.study_id = ? AND (t.trial_id > ? OR t.trial_id IN (" + marks + "))", args);
  }

  /** The trials with these ids, by study and number. */
  List<FrozenTrial> byIds(SqliteSession s, Collection<Long> trialIds) throws SQLException {
    if (trialIds.isEmpty()) return List.of();
    String marks = trialIds.stream().map(id -> "?").collect(Collectors.joining(", "));
    return load(s, "t.trial_id IN (" + marks + ")", new ArrayList<>(trialIds));
  }

  private List<FrozenTrial> load(SqliteSession s, String scope, List<Long> args) throws SQLException {
    Map<Long, Row> rows = new LinkedHashMap<>(1024);
    try (ResultSet rs = query(s, "SELECT t.trial_id, t.number, t.state, t.datetime_start, t.datetime_complete"
        + " FROM trials t WHERE " + scope + " ORDER BY t.study_id, t.number, t.trial_id", args)) {
      while (rs.next()) {
        Row r = new Row(rs.getLong(1), rs.getInt(2));
        r.state = state(rs.getString(3), r);
        r.start = ValueCodec.parse(rs.getString(4), () -> where(r, "datetime_start"));
        r.complete = ValueCodec.parse(rs.getString(5), () -> where(r, "datetime_complete"));
        rows.put(r.id, r);
      }
    }
    if (rows.isEmpty()) return List.of();
    readParams(s, scope, args, rows);
    try (ResultSet rs = query(s, "SELECT v.trial_id, v.objective, v.value, v.value_type FROM trial_values v"
        + " JOIN trials t ON t.trial_id = v.trial_id WHERE " + scope, args)) {
      while (rs.next()) {
        Row r = rows.get(rs.getLong(1));
        if (r.values == null) r.values = new TreeMap<>();
        r.values.put(rs.getInt(2), ValueCodec.read(rs, 3, 4));
      }
    }
    try (ResultSet rs = query(s, "SELECT v.trial_id, v.step, v.intermediate_value, v.intermediate_value_type"
        + " FROM trial_intermediate_values v JOIN trials t ON t.trial_id = v.trial_id WHERE " + scope, args)) {
      while (rs.next()) rows.get(rs.getLong(1)).intermediate.put(rs.getInt(2), ValueCodec.read(rs, 3, 4));
    }
    readAttrs(s, "trial_user_attributes", "trial_user_attribute_id", scope, args, rows, true);
    readAttrs(s, "trial_system_attributes", "trial_system_attribute_id", scope, args, rows, false);
    List<FrozenTrial> out = new ArrayList<>(rows.size());
    for (Row r : rows.values()) out.add(r.freeze());
    return out;
  }

  private void readParams(SqliteSession s, String scope, List<Long> args, Map<Long, Row> rows) throws SQLException {
    // param_id order is the order in which the trial suggested its parameters, as Optuna returns them;
    // Row.freeze restores it.
    try (ResultSet rs = query(s, "SELECT p.trial_id, p.param_name, p.param_value, p.distribution_json, p.param_id"
        + " FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id WHERE " + scope, args)) {
      while (rs.next()) {
        Row r = rows.get(rs.getLong(1));
        String name = rs.getString(2);
        double internal = rs.getDouble(3);
        try {
          Distribution d = DistributionJson.fromJson(rs.getString(4));
          r.params.add(rs.getLong(5), name, d.toExternal(internal), d);
        } catch (InvalidDistributionException e) {
          throw new StorageException("unreadable parameter \"" + name + "\" of trial " + r.number + " (trial_id "
              + r.id + ") in " + file + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private void readAttrs(SqliteSession s, String table, String idColumn, String scope, List<Long> args,
      Map<Long, Row> rows, boolean user) throws SQLException {
    try (ResultSet rs = query(s, "SELECT a.trial_id, a.\"key\", a.value_json, a." + idColumn + " FROM " + table
        + " a JOIN trials t ON t.trial_id = a.trial_id WHERE " + scope, args)) {
      while (rs.next()) {
        Row r = rows.get(rs.getLong(1));
        String key = rs.getString(2);
        Object value = ValueCodec.fromJson(rs.getString(3), () -> where(r, table + " \"" + key + "\""));
        (user ? r.userAttrs : r.systemAttrs).add(rs.getLong(4), key, value, null);
      }
    }
  }

  private static ResultSet query(SqliteSession s, String sql, List<Long> args) throws SQLException {
    PreparedStatement ps = s.prepare(sql);
    for (int i = 0; i < args.size(); i++) ps.setLong(i + 1, args.get(i));
    return ps.executeQuery();
  }

  private TrialState state(String name, Row r) {
    try {
      return TrialState.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StorageException("unknown trial state \"" + name + "\" in " + where(r, "state"));
    }
  }

  private String where(Row r, String column) {
    return column + " of trial " + r.number + " (trial_id " + r.id + ") in " + file;
  }

  /** A trial being assembled from the rows of several tables. */
  private static final class Row {
    final long id;
    final int number;
    TrialState state;
    LocalDateTime start;
    LocalDateTime complete;
    TreeMap<Integer, Double> values;
    final Entries params = new Entries();
    final Entries userAttrs = new Entries();
    final Entries systemAttrs = new Entries();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();

    Row(long id, int number) {
      this.id = id;
      this.number = number;
    }

    FrozenTrial freeze() {
      List<Double> vs = values == null ? null : new ArrayList<>(values.values());
      params.sort();
      userAttrs.sort();
      systemAttrs.sort();
      return new FrozenTrial(id, number, state, vs, start, complete, params.values(), params.distributions(),
          userAttrs.values(), systemAttrs.values(), intermediate);
    }
  }

  /**
   * A trial's rows of one child table, kept with their row ids so they can be put back in the order
   * they were written; usually a handful, so an insertion sort is the cheapest.
   */
  private static final class Entries {
    private long[] ids = new long[4];
    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private Distribution[] dists = new Distribution[4];
    private int size;

    void add(long rowId, String key, Object value, Distribution dist) {
      if (size == ids.length) {
        int n = size * 2;
        ids = java.util.Arrays.copyOf(ids, n);
        keys = java.util.Arrays.copyOf(keys, n);
        values = java.util.Arrays.copyOf(values, n);
        dists = java.util.Arrays.copyOf(dists, n);
      }
      ids[size] = rowId;
      keys[size] = key;
      values[size] = value;
      dists[size] = dist;
      size++;
    }

    void sort() {
      for (int i = 1; i < size; i++) {
        long id = ids[i];
        String k = keys[i];
        Object v = values[i];
        Distribution d = dists[i];
        int j = i - 1;
        for (; j >= 0 && ids[j] > id; j--) {
          ids[j + 1] = ids[j];
          keys[j + 1] = keys[j];
          values[j + 1] = values[j];
          dists[j + 1] = dists[j];
        }
        ids[j + 1] = id;
        keys[j + 1] = k;
        values[j + 1] = v;
        dists[j + 1] = d;
      }
    }

    Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>(size * 2);
      for (int i = 0; i < size; i++) m.put(keys[i], values[i]);
      return m;
    }

    Map<String, Distribution> distributions() {
      Map<String, Distribution> m = new LinkedHashMap<>(size * 2);
      for (int i = 0; i < size; i++) m.put(keys[i], dists[i]);
      return m;
    }
  }
}
