package org.tunelab.app.design;

import java.util.List;
import java.util.Map;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.trial.StudyDirection;

/**
 * A starting point for a new study: an objective and a search space that fit together.
 *
 * @param title what the "start from" choice shows
 * @param description one line on when to use it
 */
public record StudyTemplate(String title, String description, DesignForm form, SearchSpace space) {

  @Override
  public String toString() {
    return title;
  }

  /** The templates the designer offers. */
  public static List<StudyTemplate> all() {
    DesignForm empty = DesignForm.empty();
    DesignForm branin = new DesignForm("branin", "", List.of(StudyDirection.MINIMIZE), "builtin", "branin", "", ".",
        "", "", "", "", "tpe", Map.of("seed", "1"), "none", Map.of(), "", "", List.of(), "50", "", "1");
    DesignForm train = new DesignForm("train", "", List.of(StudyDirection.MAXIMIZE), "command", "",
        "python3 train.py --lr {lr} --layers {layers} --dropout {dropout} --optimizer {optimizer} --momentum {momentum}",
        ".", "OMP_NUM_THREADS=1", "val_acc=([0-9.eE+-]+)", "epoch=(\\d+)", "30m", "tpe", Map.of(), "median", Map.of(),
        "", "", List.of(), "100", "", "2");
    DesignForm report = new DesignForm("script", "", List.of(StudyDirection.MINIMIZE), "command", "",
        "python3 objective.py --x {x} --y {y}", ".", "", "", "", "5m", "tpe", Map.of(), "none", Map.of(), "", "",
        List.of(), "100", "", "1");
    return List.of(
        new StudyTemplate("Built-in Branin function", "A two-parameter test function evaluated in process: try the"
            + " samplers without writing any code.", branin, SearchSpace.of(
                Param.of("x1", FloatDistribution.of(-5, 10)), Param.of("x2", FloatDistribution.of(0, 15)))),
        new StudyTemplate("Training script with a metric in its output", "A program that prints val_acc=... per"
            + " epoch; a pruner stops the hopeless runs.", train, SearchSpace.of(
                Param.of("lr", FloatDistribution.log(1e-5, 1e-1)), Param.of("layers", IntDistribution.of(1, 6)),
                Param.of("dropout", FloatDistribution.of(0.0, 0.5)),
                Param.of("optimizer", CategoricalDistribution.of("sgd", "adam")),
                new Param("momentum", FloatDistribution.of(0.0, 0.99), Condition.when("optimizer", "sgd")))),
        new StudyTemplate("Program reporting with @tunelab lines", "A script that prints its result as"
            + " '@tunelab {\"value\": ...}' (see samples/tunelab_report.py).", report, SearchSpace.of(
                Param.of("x", FloatDistribution.of(-10, 10)), Param.of("y", FloatDistribution.of(-10, 10)))),
        new StudyTemplate("Empty study", "Start from nothing.", empty, SearchSpace.of()));
  }
}
