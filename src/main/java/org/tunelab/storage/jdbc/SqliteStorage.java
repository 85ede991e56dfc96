package org.tunelab.storage.jdbc;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.tunelab.storage.DuplicateStudyException;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudySummary;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * A {@link Storage} in a SQLite file with Optuna's exact schema: Python Optuna (3.0 to 5.0, depending
 * on the revision) and optuna-dashboard open what TuneLab writes, and TuneLab opens what they write,
 * live, while they write it.
 *
 * <pre>{@code
 * try (SqliteStorage storage = SqliteStorage.open(Path.of("study.db"))) {
 *   long study = storage.createStudy("demo", List.of(StudyDirection.MINIMIZE));
 *   FrozenTrial trial = storage.createTrial(study, null);
 *   storage.updateTrial(trial.trialId(), TrialUpdate.builder()
 *       .param("x", FloatDistribution.of(-1, 1), 0.5)
 *       .state(TrialState.COMPLETE).values(List.of(0.25)).build());
 * }
 * }</pre>
 *
 * <p><b>Files.</b> A new (or empty) file gets the DDL of the requested {@link OptunaSchema}
 * ({@code v3.2.0.a} by default). An existing file keeps its revision and DDL; files at
 * {@code v3.0.0.d} and {@code v3.2.0.a} are read and appended to, others are refused. The file is
 * switched to WAL journal mode. A file that is not writable is opened read-only, as is any file
 * opened with {@link #openReadOnly}.
 *
 * <p><b>Threads and processes.</b> Thread-safe. Writes go through one connection behind a lock, each
 * in one {@code BEGIN IMMEDIATE} transaction, retried with backoff while other processes hold the
 * file; reads use a small pool of connections and never block writers. Any number of processes
 * (TuneLab or Python) may share the file on a local disk; WAL does not work on network file systems.
 *
 * <p><b>Datetimes</b> are written as naive local time, as Optuna 3.1 to 4.9 do.
 */
public final class SqliteStorage implements Storage {
  private final SqliteDatabase db;
  private final TrialReader reader;
  private final TrialWriter writer;
  private final String file;

  private SqliteStorage(SqliteDatabase db) {
    this.db = db;
    this.file = db.path().toString();
    this.reader = new TrialReader(file);
    this.writer = new TrialWriter(file, reader);
  }

  /** Opens or creates a file; a new file gets revision {@code v3.2.0.a} (Optuna 3.2 to 5.0). */
  public static SqliteStorage open(Path path) {
    return open(path, OptunaSchema.V3_2_0_A);
  }

  /**
   * Opens a file, creating it with the schema {@code forNewFile} when it does not exist or is empty.
   * An existing file keeps its own revision.
   *
   * @throws StorageException naming the file when it is not SQLite, not Optuna's schema, or at a
   *     revision TuneLab does not support
   */
  public static SqliteStorage open(Path path, OptunaSchema forNewFile) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(forNewFile, "forNewFile");
    return new SqliteStorage(SqliteDatabase.open(path, forNewFile, libraryVersion(), false));
  }

  /**
   * Opens an existing file for reading only: nothing in it changes, not even its journal mode. For
   * looking at files one does not own (an archive, a colleague's study); writes throw.
   */
  public static SqliteStorage openReadOnly(Path path) {
    Objects.requireNonNull(path, "path");
    return new SqliteStorage(SqliteDatabase.open(path, OptunaSchema.V3_2_0_A, libraryVersion(), true));
  }

  /** What {@code version_info.library_version} says of files TuneLab creates; Optuna only shows it in messages. */
  static String libraryVersion() {
    String v = SqliteStorage.class.getPackage().getImplementationVersion();
    return "tunelab " + (v == null ? "0.1.0" : v);
  }

  public Path path() {
    return db.path();
  }

  /** The revision of the open file. */
  public OptunaSchema schema() {
    return db.schema();
  }

  public boolean isReadOnly() {
    return db.readOnly();
  }

  @Override
  public long createStudy(String name, List<StudyDirection> directions) {
    Objects.requireNonNull(name, "name");
    if (directions.isEmpty()) throw new IllegalArgumentException("a study needs at least one direction");
    return db.write("create study \"" + name + "\"", s -> {
      if (findStudy(s, name).isPresent()) throw new DuplicateStudyException(name);
      PreparedStatement ps = s.prepare("INSERT INTO studies (study_name) VALUES (?)");
      ps.setString(1, name);
      ps.executeUpdate();
      long id;
      try (ResultSet rs = s.prepare("SELECT last_insert_rowid()").executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      PreparedStatement dir = s.prepare("INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)");
      for (int i = 0; i < directions.size(); i++) {
        dir.setString(1, directions.get(i).name());
        dir.setLong(2, id);
        dir.setInt(3, i);
        dir.executeUpdate();
      }
      return id;
    });
  }

  /** Removes the study's rows from every table itself: the schema has no cascades (reference section 1). */
  @Override
  public void deleteStudy(long studyId) {
    db.write("delete study " + studyId, s -> {
      requireStudy(s, studyId);
      String ofStudy = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)";
      for (String table : List.of("trial_params", "trial_values", "trial_intermediate_values",
          "trial_user_attributes", "trial_system_attributes", "trial_heartbeats")) {
        deleteWhere(s, "DELETE FROM " + table + ofStudy, studyId);
      }
      for (String table : List.of("trials", "study_directions", "study_user_attributes", "study_system_attributes",
          "studies")) {
        deleteWhere(s, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
      }
      s.afterCommit(() -> writer.forgetStudy(studyId));
      return null;
    });
  }

  private static void deleteWhere(SqliteSession s, String sql, long studyId) throws SQLException {
    PreparedStatement ps = s.prepare(sql);
    ps.setLong(1, studyId);
    ps.executeUpdate();
  }

  @Override
  public OptionalLong findStudy(String name) {
    return db.read("find study \"" + name + "\"", s -> findStudy(s, name));
  }

  private static OptionalLong findStudy(SqliteSession s, String name) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT study_id FROM studies WHERE study_name = ?");
    ps.setString(1, name);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    }
  }

  @Override
  public String studyName(long studyId) {
    return db.read("read study " + studyId, s -> {
      PreparedStatement ps = s.prepare("SELECT study_name FROM studies WHERE study_id = ?");
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw noStudy(studyId);
        return rs.getString(1);
      }
    });
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    return db.read("read directions of study " + studyId, s -> {
      PreparedStatement ps = s.prepare("SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective");
      ps.setLong(1, studyId);
      List<StudyDirection> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(direction(rs.getString(1)));
      }
      if (out.isEmpty()) throw noStudy(studyId);
      return List.copyOf(out);
    });
  }

  @Override
  public Map<String, Object> studyUserAttrs(long studyId) {
    return studyAttrs("study_user_attributes", studyId);
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return studyAttrs("study_system_attributes", studyId);
  }

  private Map<String, Object> studyAttrs(String table, long studyId) {
    return db.read("read " + table + " of study " + studyId, s -> {
      PreparedStatement ps = s.prepare("SELECT \"key\", value_json FROM " + table + " WHERE study_id = ?"
          + " ORDER BY rowid");
      ps.setLong(1, studyId);
      Map<String, Object> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), ValueCodec.fromJson(rs.getString(2), () -> table + " of " + file));
      }
      if (out.isEmpty()) requireStudy(s, studyId);
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  @Override
  public void setStudyUserAttr(long studyId, String key, Object value) {
    setStudyAttr("study_user_attributes", studyId, key, value);
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    setStudyAttr("study_system_attributes", studyId, key, value);
  }

  private void setStudyAttr(String table, long studyId, String key, Object value) {
    Objects.requireNonNull(key, "key");
    String json = ValueCodec.json(value);
    db.write("set " + table + " \"" + key + "\" of study " + studyId, s -> {
      requireStudy(s, studyId);
      PreparedStatement ps = s.prepare("INSERT INTO " + table + " (study_id, \"key\", value_json) VALUES (?, ?, ?)"
          + " ON CONFLICT(study_id, \"key\") DO UPDATE SET value_json = excluded.value_json");
      ps.setLong(1, studyId);
      ps.setString(2, key);
      ps.setString(3, json);
      ps.executeUpdate();
      return null;
    });
  }

  @Override
  public List<StudySummary> studies() {
    return db.read("list studies", s -> new StudySummaryReader(reader, file).read(s));
  }

  @Override
  public FrozenTrial createTrial(long studyId, TrialUpdate template) {
    TrialWriter.Encoded encoded = writer.encode(template == null ? TrialUpdate.builder().build() : template);
    return db.write("create a trial in study " + studyId, s -> writer.create(s, studyId, encoded));
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    return db.write("claim a waiting trial of study " + studyId, s -> writer.claim(s, studyId));
  }

  @Override
  public void updateTrial(long trialId, TrialUpdate update) {
    TrialWriter.Encoded encoded = writer.encode(update);
    db.write("update trial " + trialId, s -> {
      writer.update(s, trialId, encoded);
      return null;
    });
  }

  @Override
  public FrozenTrial trial(long trialId) {
    return db.read("read trial " + trialId, s -> {
      List<FrozenTrial> found = reader.byIds(s, List.of(trialId));
      if (found.isEmpty()) throw new StorageException("no trial with id " + trialId + " in " + file);
      return found.get(0);
    });
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    return db.read("read trials of study " + studyId, s -> {
      List<FrozenTrial> out = reader.ofStudy(s, studyId, states);
      if (out.isEmpty()) requireStudy(s, studyId);
      return out;
    });
  }

  @Override
  public void recordHeartbeats(Collection<Long> trialIds) {
    if (trialIds.isEmpty()) return;
    db.write("record heartbeats of " + trialIds.size() + " trial(s)", s -> {
      HeartbeatTable.record(s, trialIds);
      return null;
    });
  }

  @Override
  public List<FrozenTrial> staleTrials(long studyId, Duration grace) {
    return db.read("find stale trials of study " + studyId, s -> {
      List<Long> ids = HeartbeatTable.stale(s, studyId, grace);
      return ids.isEmpty() ? List.of() : reader.byIds(s, ids);
    });
  }

  @Override
  public List<FrozenTrial> trialsSince(long studyId, org.tunelab.storage.TrialCursor cursor) {
    return db.read("read changed trials of study " + studyId, s -> {
      List<FrozenTrial> out = reader.since(s, studyId, cursor.lastTrialId(), cursor.unfinished());
      if (out.isEmpty()) requireStudy(s, studyId);
      return out;
    });
  }

  @Override
  public long dataVersion() {
    return db.dataVersion();
  }

  @Override
  public String describe() {
    return "SQLite file " + file + " (Optuna schema " + db.schema().revision() + (db.readOnly() ? ", read-only)" : ")");
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return describe();
  }

  private void requireStudy(SqliteSession s, long studyId) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT 1 FROM studies WHERE study_id = ?");
    ps.setLong(1, studyId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw noStudy(studyId);
    }
  }

  private StorageException noStudy(long studyId) {
    return new StorageException("no study with id " + studyId + " in " + file);
  }

  private StudyDirection direction(String name) {
    try {
      return StudyDirection.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StorageException("unknown study direction \"" + name + "\" in " + file);
    }
  }
}
