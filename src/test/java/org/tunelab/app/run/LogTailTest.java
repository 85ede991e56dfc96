package org.tunelab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a growing log file, and searching its text. */
class LogTailTest {
  @TempDir Path dir;

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void readsWhatWasAppendedSinceTheLastRead() throws Exception {
    Path log = dir.resolve("trial-0.log");
    LogTail tail = new LogTail(log, 1000);
    assertEquals("", tail.read(), "a log not written yet reads as empty");
    append(log, "epoch 1\n");
    assertEquals("epoch 1\n", tail.read());
    append(log, "epoch 2\n");
    assertEquals("epoch 1\nepoch 2\n", tail.read());
    assertFalse(tail.truncated());
  }

  @Test
  void keepsOnlyTheLastCharactersAtALineBreak() throws Exception {
    Path log = dir.resolve("big.log");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 100; i++) s.append("line ").append(i).append('\n');
    append(log, s.toString());
    LogTail tail = new LogTail(log, 40);
    String text = tail.read();
    assertTrue(text.endsWith("line 99\n"), text);
    assertTrue(text.startsWith("line "), "starts at a whole line: " + text);
    assertTrue(text.length() <= 40);
    assertTrue(tail.truncated());
    append(log, "line 100\n");
    String more = tail.read();
    assertTrue(more.endsWith("line 99\nline 100\n") && more.length() <= 40, more);
  }

  @Test
  void aRewrittenFileIsReadAgain() throws Exception {
    Path log = dir.resolve("r.log");
    append(log, "first run, long output\n");
    LogTail tail = new LogTail(log, 1000);
    tail.read();
    Files.writeString(log, "again\n");
    assertEquals("again\n", tail.read());
  }

  @Test
  void searchFindsEveryMatchIgnoringCaseAndWrapsAround() {
    String text = "loss=1.0\nLOSS=0.5\nval loss=0.7\n";
    List<LogSearch.Match> m = LogSearch.find(text, "loss");
    assertEquals(List.of(new LogSearch.Match(0, 4), new LogSearch.Match(9, 13), new LogSearch.Match(22, 26)), m);
    assertEquals(1, LogSearch.next(m, 4, false));
    assertEquals(0, LogSearch.next(m, 27, false), "wraps to the first");
    assertEquals(0, LogSearch.next(m, 13, true));
    assertEquals(2, LogSearch.next(m, 0, true), "wraps to the last");
    assertEquals(List.of(), LogSearch.find(text, ""));
  }
}
