import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.storage.TrialUpdate;
import org.tunelab.storage.jdbc.SqliteStorage;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** 100,000 finished trials of Branin (x, y) plus a log and an int parameter, written through TuneLab's storage. */
/** Run: java -cp "target/classes:target/lib/*" bench/dashboard/GenBig.java /tmp/big100k.db 100000 */
public class GenBig {
  public static void main(String[] a) {
    int n = Integer.parseInt(a[1]);
    FloatDistribution x = FloatDistribution.of(-5, 10);
    FloatDistribution y = FloatDistribution.of(0, 15);
    FloatDistribution lr = FloatDistribution.log(1e-5, 1e-1);
    IntDistribution layers = IntDistribution.of(1, 8);
    SplittableRandom r = new SplittableRandom(1);
    try (var s = SqliteStorage.open(Path.of(a[0]))) {
      long id = s.createStudy("big", List.of(StudyDirection.MINIMIZE));
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        double xv = -5 + 15 * r.nextDouble(), yv = 15 * r.nextDouble();
        double lv = Math.log(1e-5) + r.nextDouble() * Math.log(1e4);
        int k = 1 + r.nextInt(8);
        double b = Math.pow(yv - 5.1 / (4 * Math.PI * Math.PI) * xv * xv + 5 / Math.PI * xv - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(xv) + 10;
        TrialState st = i % 50 == 7 ? TrialState.PRUNED : i % 97 == 3 ? TrialState.FAIL : TrialState.COMPLETE;
        TrialUpdate.Builder u = TrialUpdate.builder().param("x", x, xv).param("y", y, yv).param("lr", lr, Math.exp(lv))
            .param("layers", layers, k).state(st);
        if (st == TrialState.COMPLETE) u.values(List.of(b + 0.1 * k));
        s.createTrial(id, u.build());
      }
      System.out.println(n + " trials in " + (System.nanoTime() - t0) / 1e9 + " s");
    }
  }
}
