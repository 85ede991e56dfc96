package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/** How values, counts and notes read, and how lists are updated in place; no JavaFX toolkit needed. */
class PresentationTest {

  @ParameterizedTest
  @CsvSource({"2.13665300865395, 2.13665", "2.5, 2.5", "3.0, 3", "-0.617784, -0.617784", "0.00012345678, 0.000123457",
      "1.5e-7, 1.5000e-07", "123456789.5, 1.2346e+08", "Infinity, ∞", "-Infinity, -∞", "NaN, NaN"})
  void writesNumbersCompactly(double value, String expected) {
    assertEquals(expected, Formats.number(value));
  }

  @Test
  void writesParametersAsPythonWould() {
    assertEquals(List.of("None", "True", "sgd", "16", "0.1"),
        List.of(Formats.param(null), Formats.param(true), Formats.param("sgd"), Formats.param(16L), Formats.param(0.1)));
  }

  @Test
  void writesDurationsInTheLargestSensibleUnit() {
    assertEquals(List.of("", "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min"), List.of(Formats.duration(null),
        Formats.duration(Duration.ofMillis(850)), Formats.duration(Duration.ofMillis(12_300)),
        Formats.duration(Duration.ofSeconds(245)), Formats.duration(Duration.ofMinutes(123))));
  }

  @Test
  void countsOnlyTheStatesThereAre() {
    assertEquals("32 trials: 24 complete, 3 pruned, 3 failed, 1 running, 1 waiting", StudyViewModel.countsText(Map.of(
        TrialState.COMPLETE, 24, TrialState.PRUNED, 3, TrialState.FAIL, 3, TrialState.RUNNING, 1, TrialState.WAITING, 1)));
    assertEquals("1 trial: 1 running", StudyViewModel.countsText(Map.of(TrialState.RUNNING, 1)));
    assertEquals("0 trials", StudyViewModel.countsText(Map.of()));
  }

  @Test
  void notesWhatTheHistoryChartLeavesOut() {
    List<StudyDirection> two = List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    assertEquals("Objective 0 of 2 (minimize) shown. No completed trials yet.",
        StudyViewModel.noteFor(OptimizationHistory.of(List.of(), two, 0)));
    assertEquals("2 trials with an infinite or NaN value not plotted.", StudyViewModel.noteFor(
        new OptimizationHistory(0, 1, StudyDirection.MINIMIZE, List.of(), List.of(), List.of(), 2)));
  }

  @Test
  void appendsNewItemsAndReplacesChangedOnesInPlace() {
    ObservableList<String> list = FXCollections.observableArrayList("a1", "b1");
    int[] replaced = {0};
    int[] added = {0};
    list.addListener((ListChangeListener<String>) c -> {
      while (c.next()) {
        if (c.wasReplaced()) replaced[0]++;
        else if (c.wasAdded()) added[0]++;
      }
    });
    ListSync.update(list, List.of("a1", "b2", "c1"), s -> s.charAt(0));
    assertEquals(List.of("a1", "b2", "c1"), list);
    assertEquals(1, replaced[0]);
    assertEquals(1, added[0]);
    ListSync.update(list, List.of("x1"), s -> s.charAt(0));
    assertEquals(List.of("x1"), list);
  }
}
