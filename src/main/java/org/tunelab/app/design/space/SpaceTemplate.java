package org.tunelab.app.design.space;

import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/** Named starter spaces for common tuning jobs, to edit rather than type from nothing. */
public enum SpaceTemplate {
  EMPTY("Empty"),
  NEURAL_NETWORK("Neural network training"),
  GRADIENT_BOOSTING("Gradient boosting");

  private final String title;

  SpaceTemplate(String title) {
    this.title = title;
  }

  /** The name a menu shows. */
  public String title() {
    return title;
  }

  /** A new copy of the template's space. */
  public SearchSpace space() {
    return switch (this) {
      case EMPTY -> SearchSpace.of();
      case NEURAL_NETWORK -> SearchSpace.of(
          Param.of("lr", FloatDistribution.log(1e-5, 1e-1)),
          Param.of("batch_size", CategoricalDistribution.of(16, 32, 64, 128, 256)),
          Param.of("n_layers", IntDistribution.of(1, 5)),
          Param.of("units", IntDistribution.log(16, 1024)),
          Param.of("dropout", FloatDistribution.stepped(0.0, 0.5, 0.05)),
          Param.of("weight_decay", FloatDistribution.log(1e-6, 1e-2)),
          Param.of("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop")),
          new Param("momentum", FloatDistribution.of(0.0, 0.99), Condition.when("optimizer", "sgd", "rmsprop")));
      case GRADIENT_BOOSTING -> SearchSpace.of(
          Param.of("learning_rate", FloatDistribution.log(0.005, 0.3)),
          Param.of("n_estimators", IntDistribution.stepped(50, 2000, 50)),
          Param.of("max_depth", IntDistribution.of(2, 12)),
          Param.of("min_child_weight", FloatDistribution.log(1e-3, 10.0)),
          Param.of("subsample", FloatDistribution.of(0.5, 1.0)),
          Param.of("colsample_bytree", FloatDistribution.of(0.5, 1.0)),
          Param.of("reg_lambda", FloatDistribution.log(1e-8, 10.0)),
          Param.of("booster", CategoricalDistribution.of("gbtree", "dart")),
          new Param("rate_drop", FloatDistribution.of(0.0, 0.5), Condition.when("booster", "dart")));
    };
  }

  @Override
  public String toString() {
    return title;
  }
}
