import java.util.Set;
import org.tunelab.analysis.ParetoFront;
import org.tunelab.benchmark.SamplerFactory;
import org.tunelab.sampler.Sampler;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.OptimizeOptions;
import org.tunelab.study.Study;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * Mean hypervolume of the final front over seeds 1-5: ZDT1 (2 objectives, 4 variables, 50 trials,
 * reference (1.1, 4), optimum 4.067) and DTLZ2 (3 objectives, 4 variables, 40 trials, reference
 * 1.1 each, optimum 0.807). optuna_multi_objective.py is the same for Optuna.
 * Run: java -cp "target/classes:target/lib/*" bench/samplers/MultiObjective.java gp,tpe,nsga2,random
 */
public class MultiObjective {
  public static void main(String[] args) {
    System.out.println("sampler zdt1 dtlz2");
    for (String name : (args.length > 0 ? args[0] : "gp,gp-parego,tpe,tpe-univariate,nsga2,random").split(",")) {
      double z = 0;
      double d = 0;
      for (long seed = 1; seed <= 5; seed++) {
        z += zdt1(SamplerFactory.create(name, seed)) / 5;
        d += dtlz2(SamplerFactory.create(name, seed)) / 5;
      }
      System.out.printf("%s %.3f %.3f%n", name, z, d);
    }
  }

  private static double hypervolume(Study study, double[] reference) {
    var h = ParetoFront.of(study.trials(Set.of(TrialState.COMPLETE)), study.directions(), reference).hypervolume();
    return h.isEmpty() ? 0 : h.get(h.size() - 1).value();
  }

  private static double zdt1(Sampler sampler) {
    Study study = Study.builder(new InMemoryStorage()).name("zdt1")
        .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).sampler(sampler).build();
    study.optimizeMulti(t -> {
      double x1 = t.suggestFloat("x1", 0, 1);
      double sum = 0;
      for (int i = 2; i <= 4; i++) sum += t.suggestFloat("x" + i, 0, 1);
      double g = 1 + 9.0 / 3 * sum;
      return new double[] {x1, g * (1 - Math.sqrt(x1 / g))};
    }, OptimizeOptions.trials(50));
    return hypervolume(study, new double[] {1.1, 4});
  }

  private static double dtlz2(Sampler sampler) {
    Study study = Study.builder(new InMemoryStorage()).name("dtlz2")
        .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).sampler(sampler).build();
    study.optimizeMulti(t -> {
      double a = t.suggestFloat("x1", 0, 1) * Math.PI / 2;
      double b = t.suggestFloat("x2", 0, 1) * Math.PI / 2;
      double g = Math.pow(t.suggestFloat("x3", 0, 1) - 0.5, 2) + Math.pow(t.suggestFloat("x4", 0, 1) - 0.5, 2);
      return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)};
    }, OptimizeOptions.trials(40));
    return hypervolume(study, new double[] {1.1, 1.1, 1.1});
  }
}
