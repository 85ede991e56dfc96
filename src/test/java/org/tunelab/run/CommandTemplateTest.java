package org.tunelab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

  @Test
  void substitutesPlaceholdersInsideWordsAfterSplitting() {
    CommandTemplate t = CommandTemplate.parse("python3 train.py --lr {lr} --name=run-{layers}", List.of("lr", "layers"));
    assertEquals(List.of("python3", "train.py", "--lr", "1e-05", "--name=run-3"), t.argv(Map.of("lr", 1e-5, "layers", 3L)));
  }

  @Test
  void valueWithShellSyntaxStaysOneLiteralArgument() {
    CommandTemplate t = CommandTemplate.parse("echo {name}", List.of("name"));
    assertEquals(List.of("echo", "a; rm -rf ~ $(whoami) `id` | cat"),
        t.argv(Map.of("name", "a; rm -rf ~ $(whoami) `id` | cat")));
  }

  @Test
  void bracesThatAreNotParameterNamesStayLiteral() {
    CommandTemplate t = CommandTemplate.parse("prog --json '{\"a\": {x}}' {other} {}", List.of("x"));
    assertEquals(List.of("prog", "--json", "{\"a\": 2.5}", "{other}", "{}"), t.argv(Map.of("x", 2.5)));
  }

  @Test
  void splitsLikeAShellWithQuotesAndBackslashes() {
    assertEquals(List.of("a b", "c\"d", "e f", "g$h", "", "it's"),
        CommandTemplate.split("'a b' \"c\\\"d\" e\\ f \"g\\$h\" '' \"it's\""));
  }

  @Test
  void refusesUnterminatedQuote() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandTemplate.parse("python3 'train.py", List.of()));
    assertEquals("unterminated ' in command: python3 'train.py", e.getMessage());
  }

  @Test
  void leavesOutAnInactiveParameterWithItsFlag() {
    CommandTemplate t = CommandTemplate.parse("train --opt {opt} --momentum {momentum} --m2={momentum} --x {x}",
        List.of("opt", "momentum", "x"));
    assertEquals(List.of("train", "--opt", "adam", "--x", "1.0"), t.argv(Map.of("opt", "adam", "x", 1.0)));
  }

  @Test
  void writesValuesAsPythonWouldReadThem() {
    CommandTemplate t = CommandTemplate.parse("p {a} {b} {c} {d}", List.of("a", "b", "c", "d"));
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("a", 0.1);
    params.put("b", 1e20);
    params.put("c", true);
    params.put("d", null);
    assertEquals(List.of("p", "0.1", "1e+20", "true", "null"), t.argv(params));
  }

  @Test
  void listsThePlaceholdersItUses() {
    assertEquals(List.of("lr", "x"), CommandTemplate.parse("p {lr} {x}{lr} {y}", List.of("x", "lr")).placeholders());
  }
}
