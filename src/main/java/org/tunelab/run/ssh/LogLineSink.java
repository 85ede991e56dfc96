package org.tunelab.run.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * Receives a remote log as MINA's I/O thread delivers it and queues complete lines with the byte
 * offset just past each, so the reader can resume from the last complete line after the connection
 * drops: no line is lost (a partial line is read again) and none is seen twice.
 *
 * <p>Written by one MINA thread; the queue hands lines to the trial's thread.
 */
final class LogLineSink extends OutputStream {
  /** A line of the log and the offset of the byte after its newline. */
  record Line(String text, long endOffset) {}

  /** The offset of a line that is the end marker, not part of the log. */
  static final long END_OF_LOG = -2;

  private final BlockingQueue<Line> queue;
  private final String endMarker;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long offset;

  /**
   * @param startOffset the log offset of the first byte this sink will receive
   * @param endMarker a line starting with it ends the log; it is queued with offset {@link #END_OF_LOG}
   */
  LogLineSink(BlockingQueue<Line> queue, long startOffset, String endMarker) {
    this.queue = queue;
    this.endMarker = endMarker;
    this.offset = startOffset;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        partial.write(b, start, i - start);
        String text = text();
        if (text.startsWith(endMarker)) {
          queue.add(new Line(text, END_OF_LOG));
        } else {
          offset += partial.size() + 1;
          queue.add(new Line(text, offset));
        }
        partial.reset();
        start = i + 1;
      }
    }
    partial.write(b, start, off + len - start);
  }

  private String text() {
    String s = partial.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
