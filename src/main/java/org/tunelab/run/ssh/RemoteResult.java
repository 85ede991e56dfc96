package org.tunelab.run.ssh;

/**
 * What a short command on a host printed and returned.
 *
 * @param exitCode the command's exit status
 *
 * <pre>{@code
 * RemoteResult r = connection.exec("python3 --version", Duration.ofSeconds(10));
 * String shown = r.ok() ? r.stdout().strip() : "failed: " + r.message();
 * }</pre>
 */
public record RemoteResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** Stderr, or stdout when stderr is empty, trimmed: the part worth showing in a message. */
  public String message() {
    String s = stderr.isBlank() ? stdout : stderr;
    return s.strip();
  }
}
