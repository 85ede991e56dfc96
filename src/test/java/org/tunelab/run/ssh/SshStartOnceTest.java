package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialContext;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;

/**
 * A trial's start sent to a host more than once (a retry after a reply lost in a drop, two shells at
 * once) starts its program once: the directory is chosen once per trial and the start takes a lock there.
 */
class SshStartOnceTest {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path code;
  private final SearchSpace space = SearchSpace.of(Param.of("x", FloatDistribution.of(-5, 5)));

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
    code = Files.createDirectories(dir.resolve("code"));
    // Counts its starts in its trial's directory (next to params.json).
    Files.writeString(code.resolve("count.sh"), """
        echo started >> "$(dirname "$TUNELAB_PARAMS_FILE")/starts"
        sleep 0.5
        echo "@tunelab {\\"value\\": 7}"
        """);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  @Test
  void startsSentTwiceAtOnceForOneTrialRunItsProgramOnce() throws Exception {
    TrialCommand command = new TrialCommand(CommandTemplate.parse("sh count.sh", space.names()), code, Map.of(),
        Duration.ofMinutes(1), null, Duration.ofSeconds(1));
    try (SshHost host = new SshHost(sshd.target().withSlots(2), LocalSshd.testOptions(dir), "once", code,
        CodeSync.Limits.defaults())) {
      Study study = Study.builder(new InMemoryStorage()).name("once").build();
      Trial trial = study.ask(space);
      String token = SshHost.newToken();
      TrialContext context = new TrialContext(0, List.of(), null, null);
      List<Object> outcomes = new CopyOnWriteArrayList<>();
      Runnable start = () -> {
        try {
          outcomes.add(host.run(trial, context, command, List.of(), token));
        } catch (Throwable e) {
          outcomes.add(e);
        }
      };
      Thread a = new Thread(start);
      Thread b = new Thread(start);
      a.start();
      b.start();
      a.join(30_000);
      b.join(30_000);
      assertEquals(List.of(List.of(7.0), List.of(7.0)), outcomes);
      // A retry after both ended follows the same program again rather than starting it anew.
      assertEquals(List.of(7.0), host.run(trial, context, command, List.of(), token));
      Path trialDir = Path.of(host.prepare(), "trials", trial.number() + "-" + token);
      assertEquals(List.of("started"), Files.readAllLines(trialDir.resolve("starts")));
    }
  }
}
