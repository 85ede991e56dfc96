package org.tunelab.run.ssh;

import java.util.Objects;

/**
 * Something failed on the way to, or on, an SSH host. The message names the host, says what failed
 * and how to fix it; {@link #kind()} lets callers tell a host that is down (worth retrying, or
 * skipping) from a refusal that retrying cannot fix (host key, authentication).
 *
 * <pre>{@code
 * try {
 *   connection.session();
 * } catch (SshException e) {
 *   String what = e.kind().isTransient() ? "down for now: " : "refused: ";
 *   System.err.println(what + e.getMessage());
 * }
 * }</pre>
 */
public class SshException extends RuntimeException {
  /** What went wrong, coarsely. */
  public enum Kind {
    /** Nothing answered, the connection was refused or dropped: the host may come back. */
    UNREACHABLE(true),
    /** The host's key is not in known_hosts: refused until the user trusts it. */
    HOST_KEY_UNKNOWN(false),
    /** The host's key differs from the one in known_hosts: always refused. */
    HOST_KEY_CHANGED(false),
    /** No key or agent identity was accepted, or a key could not be read or decrypted. */
    AUTH(false),
    /** A command on the host failed (working directory, sync, launching a trial). */
    REMOTE(false),
    /** The code to ship breaks a size limit. */
    SYNC_LIMIT(false);

    private final boolean transientFailure;

    Kind(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Kind kind;

  public SshException(Kind kind, String message) {
    this(kind, message, null);
  }

  public SshException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
