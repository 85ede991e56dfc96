package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunelab.storage.StorageException;

class ValueCodecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2026-11-25 16:02:17.319068, 2026-11-25T16:02:17.319068",
      "2026-11-25 07:02:18, 2026-11-25T07:02:18",
      "2026-11-25T07:02:18.5, 2026-11-25T07:02:18.500",
      "2026-11-25 07:02:18.123, 2026-11-25T07:02:18.123",
      "2026-11-25, 2026-11-25T00:00",
      "' 2026-11-25 07:02:18 ', 2026-11-25T07:02:18",
  })
  void readsTheDatetimesOptunaAndSqliteWrite(String stored, String expected) {
    assertEquals(LocalDateTime.parse(expected), ValueCodec.parse(stored, () -> "here"));
  }

  @Test
  void writesWhatItReads() {
    LocalDateTime t = LocalDateTime.parse("2026-01-02T03:04:05.000006");
    assertEquals("2026-01-02 03:04:05.000006", ValueCodec.format(t));
    assertEquals(t, ValueCodec.parse(ValueCodec.format(t), () -> "here"));
    assertNull(ValueCodec.parse(null, () -> "here"));
  }

  @Test
  void namesWhereAnUnreadableDatetimeIs() {
    StorageException e = assertThrows(StorageException.class,
        () -> ValueCodec.parse("2026-13-45 99:00:00", () -> "datetime_start of trial 3"));
    assertTrue(e.getMessage().contains("\"2026-13-45 99:00:00\" in datetime_start of trial 3"), e.getMessage());
  }
}
