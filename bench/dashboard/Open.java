import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.*;
import org.tunelab.app.*;
import org.tunelab.storage.jdbc.SqliteStorage;

/**
 * The app's open path without a display: open the store, let a StudyWatcher read the study list and
 * the first study (as the main window does), and report when the snapshot with the study's trial
 * rows and history reached the "UI" thread, as wall time and as the process's CPU time (which, unlike
 * wall time, does not grow when other programs share the machine).
 * Run: java -cp "target/classes:target/lib/*" bench/dashboard/Open.java /tmp/big100k.db
 */
public class Open {
  public static void main(String[] a) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
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
    long t0 = System.nanoTime();
    long c0 = os.getProcessCpuTime();
    CompletableFuture<StudySnapshot> shown = new CompletableFuture<>();
    StudyWatcher[] w = new StudyWatcher[1];
    w[0] = new StudyWatcher(SqliteStorage.openReadOnly(Path.of(a[0])), ex, u -> {
      if (!(u instanceof SessionUpdate.Loaded l)) return;
      if (l.study() != null) shown.complete(l.study());
      else if (!l.studies().isEmpty()) w[0].selectStudy(l.studies().get(0).studyId()); // what the window did
    });
    try {
      StudyWatcher.class.getMethod("preferStudy", String.class).invoke(w[0], (Object) null);
    } catch (NoSuchMethodException older) {
      // a build before the watcher picked the first study itself
    }
    w[0].start(Duration.ofMillis(500));
    StudySnapshot s = shown.get(120, TimeUnit.SECONDS);
    System.out.printf("%s: %d trials shown after %d ms, %d ms CPU%n", s.name(), s.rows().size(),
        (System.nanoTime() - t0) / 1_000_000, (os.getProcessCpuTime() - c0) / 1_000_000);
    w[0].close();
    ex.shutdown();
  }
}
