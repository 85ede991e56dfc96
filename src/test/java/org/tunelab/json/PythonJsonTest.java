package org.tunelab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

  @Test
  void writesWithPythonSeparatorsAndKeyOrder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", List.of(1L, 2.0, true));
    value.put("a", null);
    assertEquals("{\"b\": [1, 2.0, true], \"a\": null}", PythonJson.write(value));
  }

  @Test
  void escapesNonAsciiAsEnsureAsciiDoes() {
    // json.dumps("größe – 名前") in Python 3.11
    assertEquals("\"gr\\u00f6\\u00dfe \\u2013 \\u540d\\u524d\"", PythonJson.write("größe – 名前"));
    assertEquals("\"tab\\there \\\"q\\\" \\\\ \\u007f\"", PythonJson.write("tab\there \"q\" \\ \u007f"));
  }

  @Test
  void writesNonFiniteNumbersAsPythonTokens() {
    assertEquals("[NaN, Infinity, -Infinity]",
        PythonJson.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
  }

  @Test
  void readsNonFiniteTokensThatPythonWrites() {
    List<?> list = (List<?>) PythonJson.read("[NaN, Infinity, -Infinity]");
    assertTrue(((Double) list.get(0)).isNaN());
    assertEquals(Double.POSITIVE_INFINITY, list.get(1));
    assertEquals(Double.NEGATIVE_INFINITY, list.get(2));
  }

  @Test
  void keepsIntegersAndFloatsApart() {
    assertEquals(List.of(1L, 1.0, 12345678901234L), PythonJson.read("[1, 1.0, 12345678901234]"));
    assertEquals("[1, 1.0]", PythonJson.write(PythonJson.read("[1, 1.0]")));
  }

  @Test
  void roundTripsNestedValuesAndUnicode() {
    String text = "{\"meta\": {\"owner\": \"fixtures\", \"nested\": {\"a\": 1, \"b\": [1, 2]}}, "
        + "\"unicode\": \"gr\\u00f6\\u00dfe\", \"nothing\": null, \"lr\": [1e-05, 0.1]}";
    assertEquals(text, PythonJson.write(PythonJson.read(text)));
    assertEquals("größe", PythonJson.readObject(text).get("unicode"));
  }

  @Test
  void rejectsMalformedTextWithAMessage() {
    JsonFormatException e = assertThrows(JsonFormatException.class, () -> PythonJson.read("{\"a\": }"));
    assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
    assertThrows(JsonFormatException.class, () -> PythonJson.read("[1] 2"));
    assertThrows(JsonFormatException.class, () -> PythonJson.readObject("[1]"));
  }
}
