/**
 * The SQLite store in Optuna's exact database schema: {@link org.tunelab.storage.jdbc.SqliteStorage}
 * and the storage benchmark. The only package that touches {@code java.sql}. A file written here opens
 * in Python Optuna and optuna-dashboard, and files written by Optuna 3.0 to 5.0 open here. Depends on
 * {@code storage}, {@code trial}, {@code space} and {@code json}.
 */
package org.tunelab.storage.jdbc;
