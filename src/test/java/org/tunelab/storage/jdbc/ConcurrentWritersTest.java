package org.tunelab.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.StudySummary;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** Several writers on one file, in threads and in separate OS processes: nothing lost, duplicated or stuck. */
class ConcurrentWritersTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(120)
  void threadsSharingOneStoreNumberTrialsUniquely() throws Exception {
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("threads.db"))) {
      long id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
      runAll(4, w -> {
        for (int i = 0; i < 50; i++) ConcurrentWriterMain.writeTrial(storage, id, i);
      });
      assertComplete(storage.trials(id), 200);
    }
  }

  @Test
  @Timeout(120)
  void threadsWithTheirOwnConnectionsNumberTrialsUniquely() throws Exception {
    Path file = dir.resolve("connections.db");
    long id;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
    }
    runAll(4, w -> {
      try (SqliteStorage own = SqliteStorage.open(file)) {
        for (int i = 0; i < 50; i++) ConcurrentWriterMain.writeTrial(own, id, i);
      }
    });
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertComplete(storage.trials(id), 200);
    }
  }

  @Test
  @Timeout(300)
  void processesWritingOneFileNumberTrialsUniquely() throws Exception {
    Path file = dir.resolve("processes.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      Path log = dir.resolve("worker-" + p + ".log");
      logs.add(log);
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConcurrentWriterMain.class.getName(), file.toString(), "s", "100")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    for (int p = 0; p < processes.size(); p++) {
      assertTrue(processes.get(p).waitFor(240, TimeUnit.SECONDS), "worker " + p + " did not finish");
      String out = Files.readString(logs.get(p), StandardCharsets.UTF_8);
      assertEquals(0, processes.get(p).exitValue(), "worker " + p + " failed:\n" + out);
      assertTrue(!out.toLowerCase().contains("exception") && !out.toLowerCase().contains("locked"), out);
    }
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertComplete(storage.trials(storage.studyId("s")), 400);
    }
  }

  @Test
  @Timeout(120)
  void readerPollingWhileOthersWriteNeverFails() throws Exception {
    Path file = dir.resolve("polling.db");
    long id;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> readerErrors = new ConcurrentLinkedQueue<>();
    List<Integer> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (SqliteStorage watcher = SqliteStorage.open(file)) {
        long version = -1;
        while (writing.get()) {
          long now = watcher.dataVersion();
          if (now == version) {
            Thread.sleep(2);
            continue;
          }
          version = now;
          List<FrozenTrial> trials = watcher.trials(id);
          for (FrozenTrial t : trials) {
            // one transaction per write: a reader never sees a finished trial without its value
            if (t.state() == TrialState.COMPLETE && !t.hasValues()) throw new AssertionError("half a trial: " + t);
          }
          StudySummary summary = watcher.studies().get(0);
          if (summary.trialCount() < trials.size()) throw new AssertionError("summary went back in time");
          seen.add(trials.size());
        }
      } catch (Throwable e) {
        readerErrors.add(e);
      }
    });
    reader.start();
    try {
      runAll(3, w -> {
        try (SqliteStorage own = SqliteStorage.open(file)) {
          for (int i = 0; i < 40; i++) ConcurrentWriterMain.writeTrial(own, id, i);
        }
      });
    } finally {
      writing.set(false);
      reader.join(30_000);
    }
    assertEquals(List.of(), new ArrayList<>(readerErrors));
    assertTrue(seen.size() > 1, "the reader saw only " + seen);
    for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "trial count shrank: " + seen);
  }

  private interface Worker {
    void run(int worker) throws Exception;
  }

  private static void runAll(int workers, Worker work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        futures.add(pool.submit(() -> {
          work.run(worker);
          return null;
        }));
      }
      for (Future<?> f : futures) f.get(240, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertComplete(List<FrozenTrial> trials, int expected) {
    assertEquals(IntStream.range(0, expected).boxed().toList(), trials.stream().map(FrozenTrial::number).toList());
    for (FrozenTrial t : trials) {
      assertEquals(TrialState.COMPLETE, t.state(), "trial " + t.number());
      assertEquals(List.of("x", "n", "c"), new ArrayList<>(t.params().keySet()));
      assertEquals(5, t.intermediateValues().size());
    }
  }
}
