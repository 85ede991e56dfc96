package org.tunelab.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tunelab.json.PythonJson;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.Trial;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * What every pruner promises, run against each implementation: a study of completed trials with
 * good learning curves (loss {@code 1/(step+1)}, minimized) is built through the pruner itself, so
 * that pruners that record rungs see a real history.
 */
public abstract class PrunerContract {
  static final int STEPS = 27;
  private InMemoryStorage storage;
  private Study study;
  private Pruner pruner;

  /** A fresh pruner in the configuration under test. */
  protected abstract Pruner newPruner();

  /** Whether every hopeless trial is pruned (Hyperband's least aggressive bracket prunes late). */
  protected boolean prunesEveryHopelessTrial() {
    return true;
  }

  protected boolean supportsMultiObjective() {
    return false;
  }

  @BeforeEach
  void studyWithGoodHistory() {
    storage = new InMemoryStorage();
    pruner = newPruner();
    study = Study.builder(storage).name("contract").pruner(pruner).build();
    for (int i = 0; i < 12; i++) {
      double offset = 0.001 * (i % 4);
      run(step -> 1.0 / (step + 1) + offset, true);
    }
  }

  /** Reports each step and asks the pruner; returns the step at which it pruned, or -1. */
  private int run(IntToDoubleFunction curve, boolean complete) {
    Trial trial = study.ask();
    for (int step = 0; step < STEPS; step++) {
      trial.report(step, curve.applyAsDouble(step));
      if (trial.shouldPrune() && !complete) {
        study.prune(trial);
        return step;
      }
    }
    if (complete) study.tell(trial, curve.applyAsDouble(STEPS - 1));
    else study.tell(trial, 1.0);
    return -1;
  }

  @Test
  void neverPrunesATrialThatReportedNothing() {
    Trial trial = study.ask();
    assertFalse(trial.shouldPrune());
  }

  @Test
  void prunesTrialsThatAreFarWorseThanEveryCompletedOne() {
    List<Integer> prunedAt = new ArrayList<>();
    for (int i = 0; i < 6; i++) prunedAt.add(run(step -> 100.0 + step, false));
    if (prunesEveryHopelessTrial()) {
      assertFalse(prunedAt.contains(-1), "steps at which hopeless trials were pruned: " + prunedAt);
    } else {
      assertTrue(prunedAt.stream().anyMatch(s -> s >= 0), "no hopeless trial was pruned: " + prunedAt);
    }
  }

  @Test
  void neverPrunesATrialThatFollowsTheBestCurve() {
    assertEquals(-1, run(step -> 1.0 / (step + 1), false));
  }

  @Test
  void decidesTheSameForTheSameHistory() {
    Trial trial = study.ask();
    for (int step = 0; step < 5; step++) trial.report(step, 50.0);
    FrozenTrial snapshot = trial.snapshot();
    boolean first = newPruner().prune(study, snapshot);
    assertEquals(first, newPruner().prune(study, snapshot));
  }

  @Test
  void settingsNameTheTypeAndAreJson() {
    Map<String, Object> settings = pruner.settings();
    assertTrue(settings.get("type") instanceof String, settings.toString());
    assertEquals(settings, PythonJson.readObject(PythonJson.write(settings)));
  }

  @Test
  void multiObjectiveStudiesAreRefusedOrSupported() {
    Study multi = Study.builder(storage).name("multi").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
        .pruner(newPruner()).build();
    Trial trial = multi.ask();
    trial.report(0, 1.0);
    trial.report(1, 1.0);
    if (supportsMultiObjective()) {
      trial.shouldPrune();
    } else {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, trial::shouldPrune);
      assertTrue(e.getMessage().contains("single-objective"), e.getMessage());
    }
  }
}
