package org.tunelab.app;

/** How the status bar's live indicator stands. */
public enum LiveState {
  /** No database is open. */
  CLOSED,
  /** A database is being opened. */
  OPENING,
  /** The database is watched; changes show within a second. */
  LIVE,
  /** The last reading failed; the watcher keeps trying. */
  FAILED
}
