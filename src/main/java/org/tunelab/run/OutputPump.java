package org.tunelab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies one output stream of a program to the trial's log, byte for byte, and hands each line to
 * a consumer. Memory stays bounded whatever the program prints: a line longer than
 * {@link #MAX_LINE_CHARS} reaches the consumer cut short (a report is never that long), while the
 * log keeps it whole.
 */
final class OutputPump implements Runnable {
  static final int MAX_LINE_CHARS = 1 << 20;
  private final InputStream in;
  private final OutputStream log;
  private final Consumer<String> lines;
  private final byte[] line = new byte[MAX_LINE_CHARS];
  private int length;
  private volatile IOException logFailure;

  /** @param log shared by the trial's streams; writes are synchronized on it */
  OutputPump(InputStream in, OutputStream log, Consumer<String> lines) {
    this.in = in;
    this.log = log;
    this.lines = lines;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        writeLog(buffer, n);
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            emit();
          } else if (length < line.length) {
            line[length++] = b;
          }
        }
      }
      if (length > 0) emit();
    } catch (IOException e) {
      // The pipe closes when the program is killed; what was read is kept.
    }
  }

  private void writeLog(byte[] buffer, int n) {
    if (log == null || logFailure != null) return;
    try {
      synchronized (log) {
        log.write(buffer, 0, n);
        // Flushed per chunk read, so that the log can be followed live (the app's run panel tails it).
        log.flush();
      }
    } catch (IOException e) {
      logFailure = e; // a full disk must not kill the trial; the runner reports it
    }
  }

  private void emit() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    length = 0;
    lines.accept(text);
  }

  IOException logFailure() {
    return logFailure;
  }
}
