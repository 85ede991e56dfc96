package org.tunelab.storage.jdbc;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.storage.StorageException;

/**
 * Optuna's DDL, byte for byte as SQLAlchemy's {@code create_all} emits it (so {@code sqlite_master}
 * of a TuneLab file equals that of an Optuna file), and the checks that decide whether an existing
 * file may be opened.
 */
final class SqliteSchema {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteSchema.class);

  /** Optuna froze {@code SCHEMA_VERSION} at 12 ("Don't modify this version number anymore"). */
  static final int SCHEMA_VERSION = 12;

  static final List<String> TABLES = List.of("studies", "version_info", "study_directions",
      "study_user_attributes", "study_system_attributes", "trials", "trial_user_attributes",
      "trial_system_attributes", "trial_params", "trial_values", "trial_intermediate_values", "trial_heartbeats",
      "alembic_version");

  private SqliteSchema() {}

  /** The statements that create a fresh file, in {@code create_all} order. */
  static List<String> ddl(OptunaSchema schema) {
    List<String> out = new ArrayList<>();
    out.add(table("studies", "study_id INTEGER NOT NULL", "study_name VARCHAR(512) NOT NULL",
        "PRIMARY KEY (study_id)"));
    out.add("CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)");
    out.add(table("version_info", "version_info_id INTEGER NOT NULL", "schema_version INTEGER",
        "library_version VARCHAR(256)", "PRIMARY KEY (version_info_id)", "CHECK (version_info_id=1)"));
    out.add(table("study_directions", "study_direction_id INTEGER NOT NULL", "direction VARCHAR(8) NOT NULL",
        "study_id INTEGER NOT NULL", "objective INTEGER NOT NULL", "PRIMARY KEY (study_direction_id)",
        "UNIQUE (study_id, objective)", "FOREIGN KEY(study_id) REFERENCES studies (study_id)"));
    out.add(attributes("study_user_attributes", "study_user_attribute_id", "study_id", "studies"));
    out.add(attributes("study_system_attributes", "study_system_attribute_id", "study_id", "studies"));
    out.add(table("trials", "trial_id INTEGER NOT NULL", "number INTEGER", "study_id INTEGER",
        "state VARCHAR(8) NOT NULL", "datetime_start DATETIME", "datetime_complete DATETIME",
        "PRIMARY KEY (trial_id)", "FOREIGN KEY(study_id) REFERENCES studies (study_id)"));
    if (schema.hasStudyIdIndex()) out.add("CREATE INDEX ix_trials_study_id ON trials (study_id)");
    out.add(attributes("trial_user_attributes", "trial_user_attribute_id", "trial_id", "trials"));
    out.add(attributes("trial_system_attributes", "trial_system_attribute_id", "trial_id", "trials"));
    out.add(table("trial_params", "param_id INTEGER NOT NULL", "trial_id INTEGER", "param_name VARCHAR(512)",
        "param_value FLOAT", "distribution_json TEXT", "PRIMARY KEY (param_id)", "UNIQUE (trial_id, param_name)",
        "FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"));
    out.add(table("trial_values", "trial_value_id INTEGER NOT NULL", "trial_id INTEGER NOT NULL",
        "objective INTEGER NOT NULL", "value FLOAT", "value_type VARCHAR(7) NOT NULL",
        "PRIMARY KEY (trial_value_id)", "UNIQUE (trial_id, objective)",
        "FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"));
    out.add(table("trial_intermediate_values", "trial_intermediate_value_id INTEGER NOT NULL",
        "trial_id INTEGER NOT NULL", "step INTEGER NOT NULL", "intermediate_value FLOAT",
        "intermediate_value_type VARCHAR(7) NOT NULL", "PRIMARY KEY (trial_intermediate_value_id)",
        "UNIQUE (trial_id, step)", "FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"));
    out.add(table("trial_heartbeats", "trial_heartbeat_id INTEGER NOT NULL", "trial_id INTEGER NOT NULL",
        "heartbeat DATETIME NOT NULL", "PRIMARY KEY (trial_heartbeat_id)", "UNIQUE (trial_id)",
        "FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"));
    out.add(table("alembic_version", "version_num VARCHAR(32) NOT NULL",
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)"));
    return out;
  }

  /** SQLAlchemy's layout: a tab before each column and {@code ", \n"} between them (trailing space included). */
  private static String table(String name, String... lines) {
    return "CREATE TABLE " + name + " (\n\t" + String.join(", \n\t", lines) + "\n)";
  }

  private static String attributes(String name, String idColumn, String owner, String ownerTable) {
    return table(name, idColumn + " INTEGER NOT NULL", owner + " INTEGER", "\"key\" VARCHAR(512)",
        "value_json TEXT", "PRIMARY KEY (" + idColumn + ")", "UNIQUE (" + owner + ", \"key\")",
        "FOREIGN KEY(" + owner + ") REFERENCES " + ownerTable + " (" + owner + ")");
  }

  /**
   * Creates the tables in an empty file, or checks an existing one, inside the caller's write
   * transaction (so two processes creating one file at once cannot both create it). Returns the
   * revision the file is at.
   */
  static OptunaSchema prepare(SqliteSession s, Path path, OptunaSchema forNewFile, boolean readOnly,
      String libraryVersion) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    try (Statement st = s.connection().createStatement();
         ResultSet rs = st.executeQuery(
             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    if (tables.isEmpty()) {
      if (readOnly) throw new StorageException(path + " is empty and read-only, so no study store can be created in it");
      create(s, forNewFile, libraryVersion);
      LOG.debug("created Optuna schema {} in {}", forNewFile.revision(), path);
      return forNewFile;
    }
    List<String> revisions = tables.contains("alembic_version") ? revisions(s) : List.of();
    if (revisions.size() > 1) {
      throw new StorageException(path + " has several alembic revisions " + revisions
          + "; TuneLab supports exactly one of " + OptunaSchema.supportedList());
    }
    if (revisions.size() == 1 && OptunaSchema.ofRevision(revisions.get(0)).isEmpty()) {
      throw new StorageException(path + " is an Optuna storage at schema revision " + revisions.get(0)
          + ", which TuneLab does not support; supported: " + OptunaSchema.supportedList()
          + ". Upgrade it with `optuna storage upgrade --storage sqlite:///" + path + "`"
          + " or open it with the Optuna version that wrote it.");
    }
    List<String> missing = TABLES.stream().filter(t -> !tables.contains(t)).toList();
    if (!missing.isEmpty()) {
      boolean anyOptuna = TABLES.stream().anyMatch(tables::contains);
      throw new StorageException(path + (anyOptuna
          ? " looks like an Optuna storage but lacks the tables " + missing
          : " is a SQLite database but not an Optuna storage (its tables: " + tables + ")"));
    }
    checkVersionInfo(s, path, readOnly, libraryVersion);
    if (revisions.size() == 1) return OptunaSchema.ofRevision(revisions.get(0)).orElseThrow();
    return stampEmpty(s, path, readOnly);
  }

  private static void create(SqliteSession s, OptunaSchema schema, String libraryVersion) throws SQLException {
    try (Statement st = s.connection().createStatement()) {
      for (String ddl : ddl(schema)) st.executeUpdate(ddl);
    }
    insertVersionInfo(s, libraryVersion);
    stamp(s, schema);
  }

  private static List<String> revisions(SqliteSession s) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = s.connection().createStatement();
         ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** Optuna refuses a file whose {@code schema_version} is not 12 and fills in a missing row; so do we. */
  private static void checkVersionInfo(SqliteSession s, Path path, boolean readOnly, String libraryVersion)
      throws SQLException {
    try (Statement st = s.connection().createStatement();
         ResultSet rs = st.executeQuery("SELECT schema_version FROM version_info WHERE version_info_id = 1")) {
      if (rs.next()) {
        int version = rs.getInt(1);
        if (version != SCHEMA_VERSION) {
          throw new StorageException(path + " has Optuna schema_version " + version + " in version_info; TuneLab"
              + " supports " + SCHEMA_VERSION + " (Optuna 3.0 and later)");
        }
        return;
      }
    }
    if (!readOnly) insertVersionInfo(s, libraryVersion);
  }

  /**
   * A file with tables but no alembic row was left by a writer that stopped between creating the
   * tables and stamping them. Optuna stamps its own head there; the dashboard's browser reader refuses
   * unstamped files. We stamp what the DDL actually is: {@code v3.2.0.a} when {@code trials.study_id}
   * is indexed, else {@code v3.0.0.d}, so the stamp never claims an index the file lacks.
   */
  private static OptunaSchema stampEmpty(SqliteSession s, Path path, boolean readOnly) throws SQLException {
    OptunaSchema schema = hasStudyIdIndex(s) ? OptunaSchema.V3_2_0_A : OptunaSchema.V3_0_0_D;
    if (!readOnly) {
      stamp(s, schema);
      LOG.info("{} had an empty alembic_version; stamped {} to match its tables", path, schema.revision());
    }
    return schema;
  }

  static boolean hasStudyIdIndex(SqliteSession s) throws SQLException {
    try (Statement st = s.connection().createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pragma_index_list('trials') AS il, "
             + "pragma_index_info(il.name) AS ii WHERE ii.name = 'study_id'")) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  private static void insertVersionInfo(SqliteSession s, String libraryVersion) throws SQLException {
    try (PreparedStatement ps = s.connection().prepareStatement(
        "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
      ps.setInt(1, SCHEMA_VERSION);
      ps.setString(2, libraryVersion);
      ps.executeUpdate();
    }
  }

  private static void stamp(SqliteSession s, OptunaSchema schema) throws SQLException {
    try (PreparedStatement ps = s.connection().prepareStatement(
        "INSERT INTO alembic_version (version_num) VALUES (?)")) {
      ps.setString(1, schema.revision());
      ps.executeUpdate();
    }
  }
}
