package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunelab.run.ssh.SshTarget;

class SshExecutorSpecTest {
  private static final Path SPEC = Path.of("/work/study.yaml");

  private static StudySpec parse(String executors) {
    return SpecReader.parse("""
        name: remote
        space:
          x: {type: float, low: 0, high: 1}
        objective: {command: "python3 train.py {x}", workdir: code}
        """ + executors, SPEC);
  }

  @Test
  void readsLocalSlotsAndSeveralHosts() {
    StudySpec spec = parse("""
        executors:
          - {type: local, slots: 1}
          - type: ssh
            host: gpu1
            port: 2222
            user: alice
            key: keys/id_ed25519
            known_hosts: ~/kh
            jump: bastion
            workdir: ~/runs
            setup: source ~/venv/bin/activate
            env: {OMP_NUM_THREADS: 4}
            slots: 4
            gpus: [0, 1, 2, 3]
          - {type: ssh, host: gpu2}
        """);
    assertTrue(SshExecutors.present(spec));
    List<SshTarget> targets = SshExecutors.targets(spec);
    SshTarget gpu1 = new SshTarget("gpu1", 2222, "alice", Path.of("/work/keys/id_ed25519"),
        Path.of(System.getProperty("user.home"), "kh"), "bastion", "~/runs", "source ~/venv/bin/activate",
        Map.of("OMP_NUM_THREADS", "4"), 4, List.of("0", "1", "2", "3"));
    assertEquals(List.of(gpu1, SshTarget.of("gpu2")), targets);
    assertEquals(1 + 4 + 1, SshExecutors.totalSlots(spec));
    assertEquals(6, SpecFactory.executorOptions(spec, null).slots());
  }

  @Test
  void reportsMistakesWithTheirLines() {
    SpecException e = assertThrows(SpecException.class, () -> parse("""
        executors:
          - type: ssh
            port: 70000
            slot: 2
          - {type: ssh, host: a, gpus: [0], gpus_per_trial: 2}
          - {type: local}
          - {type: local}
        """));
    String m = e.getMessage();
    assertTrue(m.contains(":6: executors[0]: needs a host"), m);
    assertTrue(m.contains(":7: executors[0].port: must be between 1 and 65535, got 70000"), m);
    assertTrue(m.contains(":8: executors[0].slot: unknown key"), m);
    assertTrue(m.contains(":9: executors[1].gpus_per_trial: is 2 but only 1 GPU(s)"), m);
    assertTrue(m.contains(":11: executors[3]: only one local executor"), m);
  }

  @Test
  void readsTheReconnectTimeoutAndRefusesOneThatIsNotADuration() {
    StudySpec spec = parse("""
        executors:
          - {type: ssh, host: gpu1, reconnect_timeout: 30s, max_file_mb: 2}
        """);
    assertEquals(new SshExecutors.SyncLimits(2L << 20, 200L << 20), SshExecutors.syncLimits(spec));
    SpecException e = assertThrows(SpecException.class, () -> parse("""
        executors:
          - {type: ssh, host: gpu1, reconnect_timeout: soon}
        """));
    assertTrue(e.getMessage().contains(":6: executors[0].reconnect_timeout: "), e.getMessage());
  }

  @Test
  void aSpecWithoutSshHostsRunsLocally() {
    assertEquals(false, SshExecutors.present(parse("executors: [{type: local, slots: 2}]\n")));
  }
}
