package org.tunelab.run.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingProbeTest {
  @TempDir Path dir;
  static final SshOptions OPTS = SshOptions.defaults().withSshConfig(Path.of("/nonexistent")).withPassphrases(PassphraseSource.none());

  @Test
  void probe() throws Exception {
    try (LocalSshd sshd = LocalSshd.start(dir); SshConnection c = new SshConnection(sshd.target(), OPTS)) {
      c.exec("true", Duration.ofSeconds(5));
      for (int i = 0; i < 5; i++) {
        long b = System.nanoTime();
        c.exec("true", Duration.ofSeconds(5));
        long e1 = System.nanoTime();
        String td = dir + "/t" + i;
        RemoteProcess p = new RemoteProcess(c, OPTS, td,
            RemoteScripts.wrapper(td, "/tmp", List.of("true"), Map.of(), null, "{}"), Duration.ofSeconds(1));
        RemoteOutcome o = p.run(Duration.ofSeconds(10), l -> false);
        long e2 = System.nanoTime();
        long b3 = System.nanoTime();
        org.tunelab.run.RunnerIdentity.self();
        long e3 = System.nanoTime();
        System.err.println("exec true " + (e1 - b) / 1e6 + " ms; trial " + (e2 - e1) / 1e6 + " ms exit " + o.exitCode() + "; identity " + (e3 - b3) / 1e6);
      }
      String td = dir + "/k";
      new Thread(() -> {
        try {
          new RemoteProcess(c, OPTS, td, RemoteScripts.wrapper(td, "/tmp", List.of("sleep", "30"), Map.of(), null, "{}"), Duration.ofSeconds(1)).run(null, l -> false);
        } catch (Exception e) { e.printStackTrace(); }
      }).start();
      Thread.sleep(1000);
      var ch = c.session().createExecChannel(RemoteScripts.kill(td, 10));
      var out = new java.io.ByteArrayOutputStream();
      ch.setOut(out); ch.setErr(out);
      ch.open().verify(5000);
      ch.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED), 10000);
      System.err.println("kill: status " + ch.getExitStatus() + " signal " + ch.getExitSignal() + " out " + out);
    }
  }
}
