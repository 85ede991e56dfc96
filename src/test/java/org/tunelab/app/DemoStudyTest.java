package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

class DemoStudyTest {
  @TempDir Path dir;

  @Test
  void minimizesBraninInItsOwnStudyWithASeededSampler() {
    InMemoryOpener opener = new InMemoryOpener();
    Path db = dir.resolve("demo.db");
    new DemoStudy(opener, db, 6, Duration.ZERO).run(() -> { }, n -> { });
    InMemoryStorage storage = opener.add(db);
    long id = storage.studyId(DemoStudy.STUDY_NAME);
    assertEquals(java.util.List.of(StudyDirection.MINIMIZE), storage.directions(id));
    assertEquals(6, storage.trials(id, java.util.Set.of(TrialState.COMPLETE)).size());
    // the same seed gives the same first trial in a fresh database
    InMemoryOpener again = new InMemoryOpener();
    new DemoStudy(again, db, 1, Duration.ZERO).run(() -> { }, n -> { });
    assertEquals(storage.trials(id).get(0).params(), again.add(db).trials(id).get(0).params());
  }

  @Test
  void stopsAfterTheTrialInFlightWhenAsked() throws Exception {
    InMemoryOpener opener = new InMemoryOpener();
    DemoStudy demo = new DemoStudy(opener, dir.resolve("demo.db"), 1000, Duration.ofMillis(20));
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    Thread t = new Thread(() -> demo.run(started::countDown, finished::set));
    t.start();
    assertTrue(started.await(5, TimeUnit.SECONDS));
    Thread.sleep(100);
    demo.stop();
    t.join(5000);
    assertFalse(t.isAlive());
    assertTrue(finished.get() < 100, "finished " + finished.get());
  }
}
