package org.tunelab.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What an executor hands a {@link TrialRunner} besides the trial: where it runs and what it gets.
 *
 * @param slot the executor slot (0-based), for messages
 * @param gpus the GPU ids given to this trial, empty for none; exported as {@code CUDA_VISIBLE_DEVICES}
 * @param logDir where the trial's log and parameter file go, or {@code null} for a temporary place
 * @param output receives the program's lines live, or {@code null}
 */
public record TrialContext(int slot, List<String> gpus, Path logDir, TrialOutputListener output) {
  public TrialContext {
    gpus = List.copyOf(gpus);
  }

  /** One slot, no GPU, no log directory: for a single trial run from the Java API. */
  public static TrialContext simple() {
    return new TrialContext(0, List.of(), null, null);
  }
}
