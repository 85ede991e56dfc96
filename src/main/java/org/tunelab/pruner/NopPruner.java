package org.tunelab.pruner;

import java.util.Map;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyView;

/** Never prunes. */
enum NopPruner implements Pruner {
  INSTANCE;

  @Override
  public boolean prune(StudyView study, FrozenTrial trial) {
    return false;
  }

  @Override
  public Map<String, Object> settings() {
    return Map.of("type", "none");
  }

  @Override
  public String toString() {
    return "no pruning";
  }
}
