package org.tunelab.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local executor of a spec: {@code executors: [{type: local, slots: 2, gpus: [0, 1],
 * gpus_per_trial: 1, heartbeat: 10s}]}. Without an {@code executors:} entry a study runs locally
 * with {@code workers} slots.
 *
 * @param slots trials run at once
 * @param gpus GPU ids handed out through {@code CUDA_VISIBLE_DEVICES}, empty for none
 * @param gpusPerTrial GPUs each trial gets
 * @param heartbeat how often running trials send a heartbeat, or {@code null} for the default
 */
public record ExecutorSpec(int slots, List<String> gpus, int gpusPerTrial, Duration heartbeat) {
  static final List<String> KEYS = List.of("type", "slots", "gpus", "gpus_per_trial", "heartbeat");
  static final List<String> TYPES = List.of("local");

  public ExecutorSpec {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    gpus = List.copyOf(gpus);
    if (!gpus.isEmpty() && (gpusPerTrial < 1 || gpusPerTrial > gpus.size())) {
      throw new IllegalArgumentException("gpus_per_trial must be between 1 and " + gpus.size() + ", got " + gpusPerTrial);
    }
  }

  /** The executor a spec describes (its {@code executors:} entry as read and validated), or {@code workers} local slots. */
  public static ExecutorSpec of(StudySpec spec) {
    if (!(spec.executors() instanceof List<?> entries) || entries.isEmpty()) {
      return new ExecutorSpec(spec.workers(), List.of(), 1, null);
    }
    Map<?, ?> local = null;
    for (Object e : entries) {
      if (e instanceof Map<?, ?> m && !"ssh".equals(m.get("type"))) {
        local = m;
        break;
      }
    }
    if (local == null) return new ExecutorSpec(spec.workers(), List.of(), 1, null);
    int slots = local.get("slots") instanceof Number n ? n.intValue() : spec.workers();
    List<String> gpus = new ArrayList<>();
    if (local.get("gpus") instanceof List<?> ids) ids.forEach(id -> gpus.add(String.valueOf(id)));
    int perTrial = local.get("gpus_per_trial") instanceof Number n ? n.intValue() : 1;
    Duration heartbeat = local.get("heartbeat") == null ? null : DurationFormat.parse(String.valueOf(local.get("heartbeat")));
    return new ExecutorSpec(slots, gpus, perTrial, heartbeat);
  }
}
