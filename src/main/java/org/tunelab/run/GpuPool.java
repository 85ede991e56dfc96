package org.tunelab.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The GPUs of an executor, handed out {@code perTrial} at a time. Guarded by the executor's lock. */
final class GpuPool {
  private final Set<String> free;
  private final int perTrial;

  GpuPool(List<String> gpus, int perTrial) {
    this.free = new LinkedHashSet<>(gpus);
    this.perTrial = gpus.isEmpty() ? 0 : perTrial;
  }

  boolean canTake() {
    return free.size() >= perTrial;
  }

  /** The lowest free ids, in the order the spec lists them. */
  List<String> take() {
    List<String> out = new ArrayList<>();
    for (String id : free) {
      if (out.size() == perTrial) break;
      out.add(id);
    }
    out.forEach(free::remove);
    return out;
  }

  void release(List<String> ids) {
    free.addAll(ids);
  }
}
