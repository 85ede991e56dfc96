package org.tunelab.app.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The end of a growing log file, read incrementally: the first read takes the last
 * {@code maxChars} bytes, later reads only what was appended since, and the text kept never grows
 * past {@code maxChars} (older lines are dropped from the front, at a line break). Not thread-safe:
 * one background task owns it.
 */
public final class LogTail {
  private final Path file;
  private final int maxChars;
  private long offset;
  private String text = "";
  private boolean truncated;

  public LogTail(Path file, int maxChars) {
    this.file = Objects.requireNonNull(file, "file");
    if (maxChars < 1) throw new IllegalArgumentException("maxChars must be >= 1, got " + maxChars);
    this.maxChars = maxChars;
  }

  public Path file() {
    return file;
  }

  /**
   * Reads what was appended since the last call and returns the tail now held; a file that shrank
   * (rotated, rewritten) is read again from its end.
   *
   * @throws IOException when the file cannot be read; a file that does not exist yet reads as empty
   */
  public String read() throws IOException {
    if (!Files.exists(file)) return text;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length < offset) {
        offset = 0;
        text = "";
      }
      long from = Math.max(offset, length - maxChars);
      if (from >= length) return text;
      boolean skipped = from > offset;
      byte[] bytes = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(bytes);
      offset = length;
      String added = new String(bytes, StandardCharsets.UTF_8);
      if (skipped) {
        // Started mid-file, maybe mid-character: show whole lines only.
        truncated = true;
        int nl = added.indexOf('\n');
        text = keep(nl >= 0 && nl < added.length() - 1 ? added.substring(nl + 1) : added);
      } else {
        text = keep(text + added);
      }
    }
    return text;
  }

  private String keep(String s) {
    if (s.length() <= maxChars) return s;
    truncated = true;
    String cut = s.substring(s.length() - maxChars);
    int nl = cut.indexOf('\n');
    return nl >= 0 && nl < cut.length() - 1 ? cut.substring(nl + 1) : cut;
  }

  /** Whether older output was left out. */
  public boolean truncated() {
    return truncated;
  }
}
