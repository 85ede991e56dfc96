package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.cli.TuneLabCli;

/** {@code tunelab hosts check} and {@code tunelab run} against a real sshd, in process. */
class HostsCheckCliTest {
  @TempDir static Path dir;
  static LocalSshd sshd;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    Files.createDirectories(dir.resolve("code"));
    Files.writeString(dir.resolve("code/sq.py"), "import sys\nprint('@tunelab {\"value\": %s}' % float(sys.argv[1]) ** 2)\n");
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private static Path spec(String name, Path knownHosts, Path key) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        name: %s
        storage: sqlite:///%s
        space:
          x: {type: float, low: -5, high: 5}
        objective: {command: "python3 sq.py {x}", workdir: code, timeout: 1m}
        executors:
          - {type: ssh, host: 127.0.0.1, port: %d, user: %s, key: %s, known_hosts: %s, workdir: %s, slots: 2}
        trials: 4
        """.formatted(name, dir.resolve(name + ".db"), sshd.port, System.getProperty("user.name"), key, knownHosts,
        dir.resolve("remote")));
    return file;
  }

  private static int cli(StringWriter out, StringWriter err, String... args) {
    return TuneLabCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void checksAHostThatWorks() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, cli(out, err, "hosts", "check", spec("ok", sshd.knownHosts, sshd.userKey).toString()), out + "" + err);
    String text = out.toString();
    for (String check : new String[] {"reachable", "host key", "auth", "workdir", "tools", "python", "code"}) {
      assertTrue(text.contains("  ok    " + check), check + " in:\n" + text);
    }
    assertTrue(text.endsWith("all 1 host(s) work\n"), text);
  }

  @Test
  void reportsCodeOverTheSpecsSizeLimitsBeforeTheFirstTrial() throws Exception {
    Path spec = spec("limits", sshd.knownHosts, sshd.userKey);
    Files.writeString(spec, Files.readString(spec).replace("slots: 2}", "slots: 2, max_file_mb: 1}"));
    Path big = dir.resolve("code/weights.bin");
    Files.write(big, new byte[(1 << 20) + 1]);
    try {
      StringWriter out = new StringWriter();
      assertEquals(1, cli(out, new StringWriter(), "hosts", "check", spec.toString()), out.toString());
      String text = out.toString();
      assertTrue(text.contains("  FAIL  code       ") && text.contains("weights.bin is 1.0 MB, over the limit of 1.0 MB per file")
          && text.contains(".tunelabignore"), text);
    } finally {
      Files.delete(big);
    }
  }

  @Test
  void reportsAnUnknownHostKeyAndAWrongKey() throws Exception {
    StringWriter out = new StringWriter();
    assertEquals(1, cli(out, new StringWriter(), "hosts", "check", spec("unknown", sshd.emptyKnownHosts, sshd.userKey).toString()));
    assertTrue(out.toString().contains("  FAIL  host key   ") && out.toString().contains("ssh-keyscan"), out.toString());
    StringWriter out2 = new StringWriter();
    assertEquals(1, cli(out2, new StringWriter(), "hosts", "check", spec("stranger", sshd.knownHosts, sshd.strangerKey).toString()));
    assertTrue(out2.toString().contains("  FAIL  auth       "), out2.toString());
  }

  @Test
  void runRefusesAnUnknownHostAtOnceWithHowToTrustIt() throws Exception {
    StringWriter err = new StringWriter();
    int code = cli(new StringWriter(), err, "run", spec("refused", sshd.emptyKnownHosts, sshd.userKey).toString());
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().startsWith("tunelab: error: root@127.0.0.1:".replace("root", System.getProperty("user.name"))),
        err.toString());
    assertTrue(err.toString().contains("ssh-keyscan -p " + sshd.port + " 127.0.0.1 >> " + sshd.emptyKnownHosts), err.toString());
  }
}
