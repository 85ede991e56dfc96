package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell lines sent to hosts keep every value literal, checked with a real sh. */
class RemoteScriptsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"plain", "it's", "a; touch PWNED", "$(touch PWNED)", "`touch PWNED`", "\"q\" \\ \n x", ""})
  void quotesAnyValueAsOneLiteralWord(String value) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "printf '%s' " + RemoteScripts.quote(value)).directory(dir.toFile()).start();
    assertEquals(value, new String(p.getInputStream().readAllBytes()));
    assertEquals(0, p.waitFor());
    assertFalse(Files.exists(dir.resolve("PWNED")));
  }

  @Test
  void theWrapperRunsTheProgramWithItsEnvironmentAndRecordsPidAndExit() throws Exception {
    Path t = Files.createDirectories(dir.resolve("t"));
    Files.writeString(t.resolve("log"), "");
    String wrapper = RemoteScripts.wrapper(t.toString(), dir.toString(),
        List.of("sh", "-c", "echo \"$GREETING $1\"; exit 3", "x", "a; touch PWNED"), Map.of("GREETING", "it's"), "true",
        "{\"x\": 1}");
    Process p = new ProcessBuilder("bash", "-c", wrapper).start();
    assertEquals(0, p.waitFor());
    assertEquals("it's a; touch PWNED\n", Files.readString(t.resolve("log")));
    assertEquals("3", Files.readString(t.resolve("exit")).strip());
    assertEquals("{\"x\": 1}", Files.readString(t.resolve("params.json")));
    assertFalse(Files.readString(t.resolve("pid")).isBlank());
    assertFalse(Files.exists(dir.resolve("PWNED")));
  }

  @Test
  void aFailingSetupLineIsReported() throws Exception {
    Path t = Files.createDirectories(dir.resolve("s"));
    String wrapper = RemoteScripts.wrapper(t.toString(), dir.toString(), List.of("true"), Map.of(), "false", "{}");
    assertEquals(0, new ProcessBuilder("bash", "-c", wrapper).start().waitFor());
    assertEquals("97", Files.readString(t.resolve("exit")).strip());
    assertEquals("tunelab: the host's setup line failed: false\n", Files.readString(t.resolve("log")));
  }

  @Test
  void refusesAnEnvironmentNameThatIsNotOne() {
    assertThrows(IllegalArgumentException.class,
        () -> RemoteScripts.wrapper("/t", "/c", List.of("true"), Map.of("A;B", "x"), null, "{}"));
  }

  @Test
  void homeRelativePathsExpandOnTheHostAndTheRestIsQuoted() {
    assertEquals("\"$HOME\"/'runs/a b'", RemoteScripts.path("~/runs/a b"));
    assertEquals("'/abs/$x'", RemoteScripts.path("/abs/$x"));
  }
}
