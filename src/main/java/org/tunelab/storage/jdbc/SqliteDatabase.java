package org.tunelab.storage.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.tunelab.storage.StorageException;

/**
 * The connections to one SQLite file and the transaction discipline around them.
 *
 * <ul>
 *   <li>One <b>writer</b> connection behind a lock. SQLite admits one writer per file anyway, so a pool
 *       would only queue inside SQLite instead of here. Every write transaction starts with
 *       {@code BEGIN IMMEDIATE}: the write lock is taken before the first read, so a trial number
 *       computed inside it cannot be taken by another process, and a transaction never has to upgrade
 *       a read lock (which SQLite answers with an immediate SQLITE_BUSY that no timeout helps).</li>
 *   <li>A small pool of <b>reader</b> connections. In WAL mode readers see a consistent snapshot for
 *       the whole of a read transaction and never block the writer (nor it them).</li>
 *   <li>A <b>probe</b> connection that only asks {@code PRAGMA data_version}. That number changes when
 *       another connection commits, and the writer is another connection, so it moves for our own
 *       commits and for other processes' alike.</li>
 * </ul>
 *
 * <p>SQLite waits up to {@link #BUSY_TIMEOUT_MS} for a lock by itself; when it still answers BUSY or
 * LOCKED, the whole transaction is rolled back and retried a few times with jittered, growing pauses.
 *
 * <p>The driver's own transaction handling is not used for writes: with auto-commit off, sqlite-jdbc
 * issues the next {@code BEGIN IMMEDIATE} right after each commit, which would hold the file's write
 * lock while idle and starve every other process.
 */
final class SqliteDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
  static final int BUSY_TIMEOUT_MS = 30_000;
  private static final int MAX_ATTEMPTS = 6;
  private static final int MAX_READERS = 4;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  /** A unit of work inside one transaction; it may run several times when the file is busy. */
  interface Work<T> {
    T run(SqliteSession session) throws SQLException;
  }

  private final Path path;
  private final boolean readOnly;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final SqliteSession writer;
  private final SqliteSession probe;
  private final LinkedBlockingQueue<SqliteSession> idleReaders = new LinkedBlockingQueue<>();
  private final Semaphore readerPermits = new Semaphore(MAX_READERS);
  private final AtomicLong ownCommits = new AtomicLong();
  private final OptunaSchema schema;
  private volatile boolean closed;

  private SqliteDatabase(Path path, OptunaSchema forNewFile, String libraryVersion, boolean readOnlyRequested) {
    this.path = path;
    if (Files.isDirectory(path)) throw new StorageException(path + " is a directory, not a SQLite file");
    Path parent = path.toAbsolutePath().getParent();
    if (!Files.exists(path) && parent != null && !Files.isDirectory(parent)) {
      throw new StorageException("cannot create " + path + ": the directory " + parent + " does not exist");
    }
    if (readOnlyRequested && !Files.exists(path)) throw new StorageException(path + " does not exist");
    this.readOnly = readOnlyRequested || (Files.exists(path) && !Files.isWritable(path));
    SqliteSession w = null;
    SqliteSession p = null;
    try {
      w = readOnly ? null : new SqliteSession(connect(true));
      this.writer = w;
      this.schema = readOnly
          ? read("open", s -> SqliteSchema.prepare(s, path, forNewFile, true, libraryVersion))
          : write("open", s -> SqliteSchema.prepare(s, path, forNewFile, false, libraryVersion));
      if (!readOnly) enableWal();
      p = new SqliteSession(connect(false));
      this.probe = p;
    } catch (RuntimeException e) {
      if (w != null) w.close();
      if (p != null) p.close();
      idleReaders.forEach(SqliteSession::close);
      throw e;
    }
  }

  static SqliteDatabase open(Path path, OptunaSchema forNewFile, String libraryVersion, boolean readOnly) {
    return new SqliteDatabase(path, forNewFile, libraryVersion, readOnly);
  }

  Path path() {
    return path;
  }

  boolean readOnly() {
    return readOnly;
  }

  OptunaSchema schema() {
    return schema;
  }

  private Connection connect(boolean forWriter) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // NORMAL in WAL mode syncs at checkpoints only: a power cut may lose the last commits but never
    // corrupts the file. This is what makes a commit cost microseconds instead of an fsync.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setReadOnly(readOnly);
    // Readers rely on the driver's auto-commit toggle, whose BEGIN must not take the write lock.
    config.setTransactionMode(forWriter ? SQLiteConfig.TransactionMode.IMMEDIATE
        : SQLiteConfig.TransactionMode.DEFERRED);
    try {
      return config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
    } catch (SQLException e) {
      throw failure("open", e);
    }
  }

  /** WAL lets readers and the writer run at once; it is a property of the file, kept by Optuna too. */
  private void enableWal() {
    writeLock.lock();
    try {
      // A file already in WAL is left alone: asking to switch anyway can be refused as "locked" while
      // other processes open the same file at the same moment, which is the common case for workers.
      if (!"wal".equalsIgnoreCase(journalMode("PRAGMA journal_mode"))) {
        String mode = journalMode("PRAGMA journal_mode=WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
          LOG.warn("{} stays in journal mode {} (WAL not available, e.g. on a network file system); readers"
              + " and writers will wait for each other", path, mode);
        }
      }
    } catch (SQLException e) {
      LOG.warn("{}: could not switch to WAL journal mode ({}); continuing in the current mode", path, e.getMessage());
    } finally {
      writeLock.unlock();
    }
  }

  private String journalMode(String pragma) throws SQLException {
    try (Statement st = writer.connection().createStatement(); ResultSet rs = st.executeQuery(pragma)) {
      return rs.next() ? rs.getString(1) : "?";
    }
  }

  /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction, retrying it when the file stays busy. */
  <T> T write(String operation, Work<T> work) {
    checkOpen();
    if (readOnly) throw new StorageException(path + " is read-only; cannot " + operation);
    writeLock.lock();
    try {
      checkOpen();
      for (int attempt = 1; ; attempt++) {
        try {
          return writeOnce(work);
        } catch (SQLException e) {
          if (!isBusy(e) || attempt >= MAX_ATTEMPTS) throw failure(operation, e);
          LOG.debug("{}: {} busy (attempt {}), retrying", path, operation, attempt);
          backoff(operation, attempt);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T writeOnce(Work<T> work) throws SQLException {
    execute(writer, "BEGIN IMMEDIATE");
    T result;
    try {
      result = work.run(writer);
      execute(writer, "COMMIT");
    } catch (SQLException | RuntimeException | Error e) {
      writer.discardAfterCommit();
      rollbackQuietly();
      throw e;
    }
    ownCommits.incrementAndGet();
    writer.runAfterCommit();
    return result;
  }

  /** After a failed BEGIN there is no transaction, and SQLite says so; that error is expected here. */
  private void rollbackQuietly() {
    try {
      execute(writer, "ROLLBACK");
    } catch (SQLException e) {
      LOG.trace("{}: rollback after a failed write: {}", path, e.getMessage());
    }
  }

  /** Runs {@code work} in one read transaction on a pooled reader: all its queries see one snapshot. */
  <T> T read(String operation, Work<T> work) {
    checkOpen();
    SqliteSession session = borrowReader(operation);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          session.connection().setAutoCommit(false);
          try {
            return work.run(session);
          } finally {
            endRead(session);
          }
        } catch (SQLException e) {
          if (!isBusy(e) || attempt >= MAX_ATTEMPTS) throw failure(operation, e);
          backoff(operation, attempt);
        }
      }
    } finally {
      returnReader(session);
    }
  }

  /**
   * Ends a read transaction. After some errors (a busy WAL recovery when another process has just
   * closed the file, for one) SQLite has already ended it itself, and the driver's COMMIT fails
   * with "no transaction is active": that failure must not hide the error that caused it, and the
   * connection, whose driver now disagrees with SQLite about the transaction, is replaced.
   */
  private void endRead(SqliteSession session) throws SQLException {
    try {
      session.connection().setAutoCommit(true);
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) throw e;
      session.markBroken();
    }
  }

  private SqliteSession borrowReader(String operation) {
    try {
      readerPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting to read " + path + " (" + operation + ")");
    }
    SqliteSession s = idleReaders.poll();
    if (s != null) return s;
    try {
      return new SqliteSession(connect(false));
    } catch (RuntimeException e) {
      readerPermits.release();
      throw e;
    }
  }

  private void returnReader(SqliteSession s) {
    if (closed || s.broken()) {
      s.close();
    } else {
      idleReaders.add(s);
    }
    readerPermits.release();
  }

  /** {@code PRAGMA data_version} of the probe plus our own commit count; both only grow. */
  long dataVersion() {
    checkOpen();
    synchronized (probe) {
      try (ResultSet rs = probe.prepare("PRAGMA data_version").executeQuery()) {
        return (rs.next() ? rs.getLong(1) : 0) + ownCommits.get();
      } catch (SQLException e) {
        throw failure("read data_version", e);
      }
    }
  }

  private static void execute(SqliteSession s, String sql) throws SQLException {
    s.prepare(sql).execute();
  }

  private void backoff(String operation, int attempt) {
    long base = Math.min(1000, 20L << attempt);
    long pause = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the lock on " + path + " (" + operation + ")");
    }
  }

  static int primaryCode(SQLException e) {
    int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
    return code & 0xff;
  }

  static boolean isBusy(SQLException e) {
    int code = primaryCode(e);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
  }

  StorageException failure(String operation, SQLException e) {
    int code = primaryCode(e);
    String what = switch (code) {
      case SQLITE_NOTADB -> path + " is not a SQLite database";
      case SQLITE_BUSY, SQLITE_LOCKED -> "SQLite store " + path + ": " + operation + " gave up after " + MAX_ATTEMPTS
          + " attempts; the file stayed locked by another writer";
      case SQLITE_READONLY -> "SQLite store " + path + " is read-only; cannot " + operation;
      case SQLITE_CANTOPEN -> "cannot open SQLite file " + path;
      default -> "SQLite store " + path + ": " + operation + " failed";
    };
    return new StorageException(what + " (" + e.getMessage() + ")", e);
  }

  private void checkOpen() {
    if (closed) throw new StorageException("SQLite store " + path + " is closed");
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    if (writer != null) {
      writeLock.lock();
      try {
        writer.close();
      } finally {
        writeLock.unlock();
      }
    }
    if (probe != null) {
      synchronized (probe) {
        probe.close();
      }
    }
    SqliteSession s;
    while ((s = idleReaders.poll()) != null) s.close();
  }
}
