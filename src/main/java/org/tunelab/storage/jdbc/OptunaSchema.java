package org.tunelab.storage.jdbc;

import java.util.Optional;

/**
 * The Optuna schema revisions TuneLab reads and writes. The revision is stamped in
 * {@code alembic_version} when TuneLab creates a file; an existing file keeps its own. Immutable.
 *
 * <pre>{@code
 * SqliteStorage forOptuna31 = SqliteStorage.open(Path.of("old.db"), OptunaSchema.V3_0_0_D);
 * }</pre>
 */
public enum OptunaSchema {
  /** Optuna 3.0 and 3.1: the current tables without the index on {@code trials.study_id}. */
  V3_0_0_D("v3.0.0.d", "Optuna 3.0-3.1"),
  /** Optuna 3.2 to 5.0 and optuna-dashboard: adds the index on {@code trials.study_id}. The default. */
  V3_2_0_A("v3.2.0.a", "Optuna 3.2-5.0");

  private final String revision;
  private final String openedBy;

  OptunaSchema(String revision, String openedBy) {
    this.revision = revision;
    this.openedBy = openedBy;
  }

  /** The alembic revision id, as in {@code alembic_version.version_num}. */
  public String revision() {
    return revision;
  }

  /** Which Optuna versions open a file at this revision without an upgrade. */
  public String openedBy() {
    return openedBy;
  }

  /** Whether files at this revision carry the {@code trials.study_id} index. */
  boolean hasStudyIdIndex() {
    return this == V3_2_0_A;
  }

  /** The schema of a revision id such as {@code v3.0.0.d}, if TuneLab supports it. */
  public static Optional<OptunaSchema> ofRevision(String revision) {
    for (OptunaSchema s : values()) {
      if (s.revision.equalsIgnoreCase(revision.trim())) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** What a message says TuneLab supports: {@code v3.0.0.d (Optuna 3.0-3.1), v3.2.0.a (Optuna 3.2-5.0)}. */
  static String supportedList() {
    StringBuilder b = new StringBuilder();
    for (OptunaSchema s : values()) {
      if (b.length() > 0) b.append(", ");
      b.append(s.revision).append(" (").append(s.openedBy).append(')');
    }
    return b.toString();
  }
}
