import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.*;
import org.tunelab.app.*;
import org.tunelab.space.FloatDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.TrialState;

/** Time from another connection committing a trial to the watcher handing a snapshot with it to the "UI". */
/** Run: java -cp "target/classes:target/lib/*" bench/dashboard/Live.java /tmp/live.db (a copy of big100k.db) */
public class Live {
  public static void main(String[] a) throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    ExecutorService ui = Executors.newSingleThreadExecutor();
    TaskExecutor ex = new TaskExecutor() {
      public void execute(Runnable t) { pool.execute(t); }
      public void runOnUi(Runnable t) { ui.execute(t); }
      public Cancellable every(Duration p, Runnable t) {
        var f = pool.scheduleWithFixedDelay(t, 0, p.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }
      public void shutdown() { pool.shutdownNow(); ui.shutdownNow(); }
    };
    BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
    int[] last = {-1};
    StudyWatcher w = new StudyWatcher(SqliteStorage.openReadOnly(Path.of(a[0])), ex, u -> {
      if (u instanceof SessionUpdate.Loaded l && l.study() != null && l.study().rows().size() != last[0]) {
        last[0] = l.study().rows().size();
        seen.add(System.nanoTime());
      }
    });
    w.start(Duration.ofMillis(500));
    w.selectStudy(1);
    long t = seen.poll(60, TimeUnit.SECONDS);
    System.out.println("first reading: " + last[0] + " trials");
    try (var s = SqliteStorage.open(Path.of(a[0]))) {
      for (int k = 0; k < 5; k++) {
        Thread.sleep(700);
        long t0 = System.nanoTime();
        s.createTrial(1, TrialUpdate.builder().param("x", FloatDistribution.of(-5, 10), 1.0).values(List.of(1.0))
            .state(TrialState.COMPLETE).build());
        long t1 = seen.poll(10, TimeUnit.SECONDS);
        System.out.printf("new trial #%d shown after %.0f ms%n", last[0] - 1, (t1 - t0) / 1e6);
      }
    }
    w.close();
    ex.shutdown();
  }
}
