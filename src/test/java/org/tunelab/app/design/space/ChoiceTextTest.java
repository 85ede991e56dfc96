package org.tunelab.app.design.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceTextTest {
  @Test
  void bareWordsReadAsYamlWouldReadThem() {
    assertEquals(Arrays.asList("sgd", 32L, 0.5, true, null, 1e-5), ChoiceText.parse("sgd, 32, 0.5, true, null, 1e-5"));
  }

  @Test
  void quotedWordsStayStrings() {
    assertEquals(List.of("32", "a, b", "say \"hi\""), ChoiceText.parse("\"32\", \"a, b\", \"say \\\"hi\\\"\""));
  }

  @Test
  void formatThenParseGivesTheSameValues() {
    List<Object> values = Arrays.asList("adam", 3L, 1.0, false, null, "true", "7", "", " x", "a,b", "\"q\"", "1e3");
    assertEquals(values, ChoiceText.parse(ChoiceText.format(values)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,,b", "a, b,", "\"a", "\"a\"b"})
  void malformedListsAreRejectedWithAReason(String text) {
    assertThrows(DraftFormatException.class, () -> ChoiceText.parse(text));
  }
}
