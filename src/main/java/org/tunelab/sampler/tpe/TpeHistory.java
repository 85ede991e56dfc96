package org.tunelab.sampler.tpe;

import java.util.List;
import org.tunelab.trial.FrozenTrial;

/**
 * What one TPE call sees of a study: the number of finished trials and, once past the start-up
 * phase, the below/above split (running trials already added to above under the constant liar).
 */
record TpeHistory(int finished, List<FrozenTrial> below, List<FrozenTrial> above, double[] belowWeights) {
  static TpeHistory startup(int finished) {
    return new TpeHistory(finished, List.of(), List.of(), null);
  }
}
