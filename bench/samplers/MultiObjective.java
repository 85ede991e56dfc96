import org.tunelab.benchmark.ParetoProblem;
import org.tunelab.benchmark.SamplerFactory;

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
        z += ParetoProblem.ZDT1.hypervolume(SamplerFactory.create(name, seed), 50) / 5;
        d += ParetoProblem.DTLZ2.hypervolume(SamplerFactory.create(name, seed), 40) / 5;
      }
      System.out.printf("%s %.3f %.3f%n", name, z, d);
    }
  }
}
