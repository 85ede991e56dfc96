package org.tunelab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tunelab.run.RunStatus;
import org.tunelab.run.RunnerIdentity;
import org.tunelab.run.StudyControl;
import org.tunelab.space.FloatDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.TrialState;

/** Where a run stands, from trials and attributes: state, progress, ETA, running trials, failures. */
class RunOverviewTest {
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 12, 0);
  private static final long BEGIN = T0.toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final RunnerIdentity RUNNER = new RunnerIdentity("lab-1", 4242, 1);
  private static final StudyControl RUNNING = new StudyControl(StudyControl.RUNNING, null, 0, false);

  private static FrozenTrial trial(int number, TrialState state, int startSec, Integer durationSec, Map<String, Object> attrs) {
    TreeMap<Integer, Double> reports = new TreeMap<>();
    if (state == TrialState.RUNNING) reports.put(3, 0.25);
    return new FrozenTrial(100 + number, number, state, state == TrialState.COMPLETE ? List.of(1.0) : null,
        T0.plusSeconds(startSec), durationSec == null ? null : T0.plusSeconds(startSec + durationSec),
        Map.of("x", 0.5), Map.of("x", FloatDistribution.of(0, 1)), Map.of(), attrs, reports);
  }

  private static RunOverview at(List<FrozenTrial> trials, RunStatus status, StudyControl control, int nowSec) {
    return RunOverview.of(trials, Optional.of(status), true, control, BEGIN + nowSec * 1000L, ZoneOffset.UTC);
  }

  /** Ten trials of 10 s each finished one after the other, two running since second 100. */
  private static List<FrozenTrial> tenDoneTwoRunning() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) trials.add(trial(i, TrialState.COMPLETE, i * 10, 10, Map.of()));
    trials.add(trial(10, TrialState.RUNNING, 100, null, Map.of("tunelab:log", "/logs/trial-10.log")));
    trials.add(trial(11, TrialState.RUNNING, 100, null, Map.of()));
    return trials;
  }

  @Test
  void progressIsTrialsDoneAgainstTheBudget() {
    RunOverview o = at(tenDoneTwoRunning(), new RunStatus(RUNNER, BEGIN, 40, null, 2, 0, null), RUNNING, 105);
    assertEquals(RunOverview.RunState.RUNNING, o.state());
    assertEquals(10, o.done());
    assertEquals(0.25, o.progress(), 1e-9);
    assertEquals("10 of 40 trials", o.progressText());
    assertEquals(Duration.ofSeconds(105), o.elapsed());
    assertEquals("Running (pid 4242 on lab-1)", o.stateText());
  }

  @Test
  void etaIsTheRemainingTrialsInWavesOfSlotsAtTheMedianDuration() {
    // 30 left, 2 running: 28 in waves of 2 at 10 s, plus half a wave for the running ones.
    RunOverview o = at(tenDoneTwoRunning(), new RunStatus(RUNNER, BEGIN, 40, null, 2, 0, null), RUNNING, 105);
    assertEquals(Duration.ofSeconds(145), o.remaining());
  }

  @Test
  void aSlotChangeGivenDuringTheRunCountsForTheEta() {
    StudyControl fourSlots = new StudyControl(StudyControl.RUNNING, 4, BEGIN + 1, false);
    RunOverview o = at(tenDoneTwoRunning(), new RunStatus(RUNNER, BEGIN, 40, null, 2, 0, null), fourSlots, 105);
    assertEquals(4, o.slots());
    assertEquals(Duration.ofSeconds(75), o.remaining());
  }

  @Test
  void aTimeBudgetCapsTheEtaAndDrivesProgressWithoutATrialBudget() {
    RunOverview o = at(tenDoneTwoRunning(), new RunStatus(RUNNER, BEGIN, null, Duration.ofSeconds(200), 2, 0, null),
        RUNNING, 50);
    assertEquals(0.25, o.progress(), 1e-9);
    assertEquals(Duration.ofSeconds(150), o.remaining());
  }

  @Test
  void runningTrialsShowTheirParamsHostLastReportAndLog() {
    RunOverview o = at(tenDoneTwoRunning(), new RunStatus(RUNNER, BEGIN, 40, null, 2, 0, null), RUNNING, 105);
    RunOverview.SlotRow row = o.runningTrials().get(0);
    assertEquals(List.of(10, 11), o.runningTrials().stream().map(RunOverview.SlotRow::number).toList());
    assertEquals("x=0.5", row.params());
    assertEquals(Duration.ofSeconds(5), row.runningFor());
    assertEquals("0.25 @ step 3", row.lastReport());
    assertEquals("/logs/trial-10.log", row.logFile());
  }

  @Test
  void failuresListTheirReasonsNewestFirst() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.FAIL, 0, 1, Map.of("fail_reason", "exit code 1")),
        trial(1, TrialState.COMPLETE, 1, 1, Map.of()), trial(2, TrialState.FAIL, 2, 1, Map.of()));
    RunOverview o = at(trials, new RunStatus(RUNNER, BEGIN, 3, null, 1, BEGIN + 3000, "BUDGET"), RUNNING, 5);
    assertEquals(List.of(new RunOverview.FailureRow(2, 102, "(no reason recorded)", null),
        new RunOverview.FailureRow(0, 100, "exit code 1", null)), o.failures());
    assertEquals(RunOverview.RunState.ENDED, o.state());
    assertEquals("Ended: trial budget used", o.stateText());
    assertNull(o.remaining());
    assertEquals(Duration.ofSeconds(3), o.elapsed());
  }

  @Test
  void theStateFollowsTheControlAndTheProcess() {
    RunStatus going = new RunStatus(RUNNER, BEGIN, 40, null, 2, 0, null);
    StudyControl paused = new StudyControl(StudyControl.PAUSED, null, BEGIN + 1, false);
    StudyControl stopped = new StudyControl(StudyControl.STOPPED, null, BEGIN + 1, false);
    StudyControl oldStop = new StudyControl(StudyControl.STOPPED, null, BEGIN - 1, false);
    assertEquals(RunOverview.RunState.PAUSED, at(List.of(), going, paused, 1).state());
    assertEquals(RunOverview.RunState.STOPPING, at(List.of(), going, stopped, 1).state());
    assertEquals(RunOverview.RunState.RUNNING, at(List.of(), going, oldStop, 1).state(), "a stop of an earlier run");
    assertEquals(RunOverview.RunState.DIED,
        RunOverview.of(List.of(), Optional.of(going), false, RUNNING, BEGIN, ZoneOffset.UTC).state());
    assertEquals(RunOverview.RunState.NEVER_RUN,
        RunOverview.of(List.of(), Optional.empty(), false, RUNNING, BEGIN, ZoneOffset.UTC).state());
  }

  @Test
  void theMedianLooksAtRecentTrialsOnly() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 30; i++) trials.add(trial(i, TrialState.COMPLETE, i * 100, i < 10 ? 90 : 10, Map.of()));
    assertEquals(Duration.ofSeconds(10), RunOverview.medianRecentDuration(trials));
  }
}
