package org.tunelab.cli;

/** Exit codes a script can rely on; the README documents them. */
public final class ExitCode {
  /** Everything worked. */
  public static final int OK = 0;
  /** A runtime or storage error: unreadable database, every trial failed, I/O. */
  public static final int RUNTIME = 1;
  /** Wrong usage or an invalid spec (including a spec that does not match its existing study). */
  public static final int USAGE = 2;
  /** The named study does not exist; the message lists the studies there are. */
  public static final int STUDY_NOT_FOUND = 3;
  /** Stopped by Ctrl+C (SIGINT), as shells report it. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
