package org.tunelab.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.tunelab.json.JsonFormatException;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.StorageException;

/**
 * How Optuna stores numbers, datetimes and JSON in its columns (reference sections 2, 6 and 8).
 * SQLite REAL cannot hold NaN or the infinities, so those go into a type column with a NULL value.
 */
final class ValueCodec {
  static final String FINITE = "FINITE";
  static final String INF_POS = "INF_POS";
  static final String INF_NEG = "INF_NEG";
  static final String NAN = "NAN";

  /** SQLAlchemy's SQLite DATETIME text: space separator, always six fractional digits. */
  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private ValueCodec() {}

  /** The type name of a value; NaN only for intermediate values (a NaN result fails the trial instead). */
  static String type(double v) {
    if (Double.isNaN(v)) return NAN;
    if (v == Double.POSITIVE_INFINITY) return INF_POS;
    if (v == Double.NEGATIVE_INFINITY) return INF_NEG;
    return FINITE;
  }

  /** Binds a value and its type to two consecutive parameters. */
  static void bind(PreparedStatement ps, int index, double v) throws SQLException {
    String type = type(v);
    if (type.equals(FINITE)) {
      ps.setDouble(index, v);
    } else {
      ps.setNull(index, Types.DOUBLE);
    }
    ps.setString(index + 1, type);
  }

  /** Reads a value stored as (value, type) at the given columns. */
  static double read(ResultSet rs, int valueColumn, int typeColumn) throws SQLException {
    String type = rs.getString(typeColumn);
    switch (type) {
      case INF_POS:
        return Double.POSITIVE_INFINITY;
      case INF_NEG:
        return Double.NEGATIVE_INFINITY;
      case NAN:
        return Double.NaN;
      default:
        double v = rs.getDouble(valueColumn);
        // A FINITE row with NULL would be a damaged file; NaN says "no number" without inventing one.
        return rs.wasNull() ? Double.NaN : v;
    }
  }

  /** Now, as Optuna 3.1 to 4.9 write it: naive local time, microsecond precision. */
  static LocalDateTime now() {
    return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
  }

  static String format(LocalDateTime t) {
    return t == null ? null : WRITE.format(t);
  }

  /**
   * Parses what SQLAlchemy and other writers leave in a DATETIME column: {@code T} or a space, with
   * or without a fraction of any length. NULL stays {@code null}.
   */
  static LocalDateTime parse(String text, Supplier<String> where) {
    if (text == null) return null;
    LocalDateTime fast = parseCanonical(text);
    if (fast != null) return fast;
    String s = text.trim();
    try {
      if (s.length() > 10 && s.charAt(10) == ' ') s = s.substring(0, 10) + 'T' + s.substring(11);
      if (s.length() == 10) return LocalDateTime.parse(s + "T00:00:00");
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new StorageException("unreadable datetime \"" + text + "\" in " + where.get(), e);
    }
  }

  /**
   * {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, the form Optuna and TuneLab write, read digit by digit:
   * a study of 100,000 trials has 200,000 of them, and the general parser is several times slower.
   * Anything else returns {@code null} for the general parser to handle.
   */
  private static LocalDateTime parseCanonical(String s) {
    int n = s.length();
    if (n != 19 && (n < 21 || n > 26)) return null;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
        || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 19 && s.charAt(19) != '.')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int fraction = n > 19 ? digits(s, 20, n) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0) return null;
    for (int i = n; i < 26 && n > 19; i++) fraction *= 10;
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, fraction * 1000);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The number in {@code s[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  static String json(Object value) {
    return PythonJson.write(value);
  }

  static Object fromJson(String text, Supplier<String> where) {
    if (text == null) return null;
    try {
      return PythonJson.read(text);
    } catch (JsonFormatException e) {
      throw new StorageException("unreadable JSON in " + where.get() + ": " + e.getMessage(), e);
    }
  }
}
