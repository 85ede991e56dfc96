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

  /**
   * A host like macOS or BusyBox: no setsid, a tail without --pid, no bash; perl only when asked.
   * The tools come from a directory of links, which is the whole PATH.
   */
  private Path hostWithoutGnuTools(boolean perl) throws Exception {
    Path bin = Files.createDirectories(dir.resolve(perl ? "bin-perl" : "bin"));
    List<String> tools = new java.util.ArrayList<>(List.of("sh", "mkdir", "cat", "sleep", "head", "wc", "mv", "grep"));
    if (perl) tools.add("perl");
    for (String tool : tools) {
      Path real = List.of(Path.of("/bin", tool), Path.of("/usr/bin", tool)).stream().filter(Files::isExecutable).findFirst().orElseThrow();
      Files.createSymbolicLink(bin.resolve(tool), real);
    }
    Path tail = bin.resolve("tail");
    Files.writeString(tail, """
        #!/bin/sh
        for a in "$@"; do case "$a" in --pid*|--help) echo "tail: unrecognized option $a" >&2; exit 1;; esac; done
        exec /usr/bin/tail "$@"
        """);
    tail.toFile().setExecutable(true);
    return bin;
  }

  private String followWithout(Path bin, String name, List<String> argv, java.util.function.LongConsumer whileRunning)
      throws Exception {
    Path t = dir.resolve(name);
    String wrapper = RemoteScripts.wrapper(t.toString(), dir.toString(), argv, Map.of(), null, "{}");
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", RemoteScripts.startAndFollow(t.toString(), wrapper, 0, "n0"));
    pb.environment().put("PATH", bin.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    SshTrialRunnerTest.waitFor(() -> Files.exists(t.resolve("pid")), 10_000);
    whileRunning.accept(Long.parseLong(Files.readString(t.resolve("pid")).strip()));
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void withoutSetsidAndGnuTailTheTrialIsDetachedThroughPerlAndItsLogIsPolled() throws Exception {
    long[] group = new long[2];
    String out = followWithout(hostWithoutGnuTools(true), "perl-host",
        List.of("sh", "-c", "echo a; sleep 0.5; printf 'b\\nno newline'; exit 4"), pid -> {
          group[0] = pid;
          group[1] = processGroupOf(pid);
        });
    assertEquals("a\nb\nno newline\n" + RemoteScripts.END_MARKER + "n0 0 4\n", out);
    assertEquals(group[0], group[1], "the wrapper has no process group of its own");
  }

  @Test
  void withNeitherSetsidNorPerlTheTrialStillRunsAndItsLogIsFollowedToTheEnd() throws Exception {
    String out = followWithout(hostWithoutGnuTools(false), "bare-host",
        List.of("sh", "-c", "i=0; while [ $i -lt 5 ]; do echo $i; sleep 0.1; i=$((i+1)); done"), pid -> { });
    assertEquals("0\n1\n2\n3\n4\n" + RemoteScripts.END_MARKER + "n0 0 0\n", out);
  }

  /** Field 5 of /proc/PID/stat (after the command name in parentheses). */
  private static long processGroupOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[2]);
    } catch (java.io.IOException e) {
      return -1;
    }
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
