package org.tunelab.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunelab.json.PythonJson;

/** The Optuna-written files in test resources, copied before use so that tests never change them. */
final class FixtureFiles {
  static final List<String> VERSIONS = List.of("optuna-3.1", "optuna-4.9");
  static final List<String> NAMES = List.of("single", "multi_objective", "three_objective", "multi_study",
      "special_values");

  private FixtureFiles() {}

  static Path copy(String version, String file, Path dir) throws IOException {
    Path target = dir.resolve(version + "-" + file);
    try (InputStream in = resource(version, file)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  static Map<String, Object> expected(String version, String file) throws IOException {
    try (InputStream in = resource(version, file)) {
      return PythonJson.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static InputStream resource(String version, String file) throws IOException {
    InputStream in = FixtureFiles.class.getResourceAsStream("/fixtures/" + version + "/" + file);
    if (in == null) throw new IOException("missing test resource fixtures/" + version + "/" + file);
    return in;
  }

  /** Rows of a query on a file, read with a plain connection, each row as a list of column values. */
  static List<List<Object>> query(Path file, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
        rows.add(row);
      }
    }
    return rows;
  }

  static void execute(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }
}
