package org.tunelab.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.ObservableList;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.chart.StudyTrials;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * The selected study as the study area shows it: its trial rows, the parameter columns, and the
 * optimization history. Updated from {@link StudySnapshot}s on the UI thread; rows are updated in
 * place so a live study does not reset the table's selection.
 */
public final class StudyViewModel {
  private static final long NONE = -1;

  private final ReadOnlyLongWrapper studyId = new ReadOnlyLongWrapper(NONE);
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
  private final ObservableList<TrialRow> rows = FXCollections.observableArrayList();
  private final ObservableList<TrialRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ObservableList<String> paramNames = FXCollections.observableArrayList();
  private final ObservableList<String> paramNamesView = FXCollections.unmodifiableObservableList(paramNames);
  private final ReadOnlyIntegerWrapper objectiveCount = new ReadOnlyIntegerWrapper(1);
  private final ReadOnlyObjectWrapper<OptimizationHistory> history =
      new ReadOnlyObjectWrapper<>(OptimizationHistory.empty(StudyDirection.MINIMIZE, 1));
  private final ReadOnlyStringWrapper historyNote = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper bestText = new ReadOnlyStringWrapper("");
  private final ObservableList<String> userAttrKeys = FXCollections.observableArrayList();
  private final ObservableList<String> userAttrKeysView = FXCollections.unmodifiableObservableList(userAttrKeys);
  private final FilteredList<TrialRow> filtered = new FilteredList<>(rowsView);
  private final ObjectProperty<TrialFilter> filter = new SimpleObjectProperty<>(TrialFilter.ALL);
  private final ReadOnlyObjectWrapper<StudyTrials> plotInput = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Map<String, OptimizationHistory>> compared = new ReadOnlyObjectWrapper<>(Map.of());

  public StudyViewModel() {
    filtered.predicateProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
        () -> filter.get().isAll() ? null : filter.get(), filter));
  }

  /** Shows {@code snapshot}; rows of the same study are updated in place. */
  public void apply(StudySnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (snapshot.studyId() != studyId.get()) rows.clear();
    studyId.set(snapshot.studyId());
    name.set(snapshot.name());
    objectiveCount.set(Math.max(1, snapshot.directions().size()));
    if (!paramNames.equals(snapshot.paramNames())) paramNames.setAll(snapshot.paramNames());
    if (!userAttrKeys.equals(snapshot.userAttrKeys())) userAttrKeys.setAll(snapshot.userAttrKeys());
    bestText.set(snapshot.best());
    plotInput.set(new StudyTrials(snapshot.name(), snapshot.directions(), snapshot.trials()));
    ListSync.update(rows, snapshot.rows(), TrialRow::number);
    if (!compared.get().equals(snapshot.compared())) compared.set(snapshot.compared());
    history.set(snapshot.history());
    historyNote.set(noteFor(snapshot.history()));
    countsText.set(countsText(snapshot.stateCounts()));
  }

  /** Shows no study. */
  public void clear() {
    studyId.set(NONE);
    name.set("");
    rows.clear();
    paramNames.clear();
    userAttrKeys.clear();
    bestText.set("");
    plotInput.set(null);
    objectiveCount.set(1);
    compared.set(Map.of());
    history.set(OptimizationHistory.empty(StudyDirection.MINIMIZE, 1));
    historyNote.set("");
    countsText.set("");
  }

  /** Why the chart may show less than the table: other objectives, non-finite values, nothing yet. */
  static String noteFor(OptimizationHistory h) {
    StringBuilder note = new StringBuilder();
    if (h.objectiveCount() > 1) {
      note.append("Objective ").append(h.objective()).append(" of ").append(h.objectiveCount())
          .append(" (").append(h.direction().name().toLowerCase(java.util.Locale.ROOT)).append(") shown.");
    }
    if (h.skipped() > 0) {
      if (note.length() > 0) note.append(' ');
      note.append(h.skipped()).append(h.skipped() == 1 ? " trial" : " trials")
          .append(" with an infinite or NaN value not plotted.");
    }
    if (h.isEmpty() && h.skipped() == 0) {
      if (note.length() > 0) note.append(' ');
      note.append("No completed trials yet.");
    }
    return note.toString();
  }

  /** {@code 32 trials: 24 complete, 3 pruned, 3 failed, 1 running, 1 waiting}; states with none are left out. */
  static String countsText(Map<TrialState, Integer> counts) {
    Map<TrialState, Integer> c = new EnumMap<>(TrialState.class);
    c.putAll(counts);
    int total = c.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder s = new StringBuilder().append(total).append(total == 1 ? " trial" : " trials");
    List<TrialState> order = List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL,
        TrialState.RUNNING, TrialState.WAITING);
    String sep = ": ";
    for (TrialState st : order) {
      int n = c.getOrDefault(st, 0);
      if (n == 0) continue;
      String word = st == TrialState.FAIL ? "failed" : st.name().toLowerCase(java.util.Locale.ROOT);
      s.append(sep).append(n).append(' ').append(word);
      sep = ", ";
    }
    return s.toString();
  }

  public ReadOnlyLongProperty studyIdProperty() {
    return studyId.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  /** One per trial, by number; modify only through {@link #apply}. */
  public ObservableList<TrialRow> rows() {
    return rowsView;
  }

  /** The rows the current {@link #filterProperty() filter} lets through, by number. */
  public ObservableList<TrialRow> filteredRows() {
    return filtered;
  }

  /** Which trials the table shows; set by the filter bar. */
  public ObjectProperty<TrialFilter> filterProperty() {
    return filter;
  }

  public ObservableList<String> userAttrKeys() {
    return userAttrKeysView;
  }

  public ReadOnlyStringProperty bestTextProperty() {
    return bestText.getReadOnlyProperty();
  }

  /** The study's trials for the plots; {@code null} when no study is shown. */
  public ReadOnlyObjectProperty<StudyTrials> plotInputProperty() {
    return plotInput.getReadOnlyProperty();
  }

  public ObservableList<String> paramNames() {
    return paramNamesView;
  }

  public ReadOnlyIntegerProperty objectiveCountProperty() {
    return objectiveCount.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<OptimizationHistory> historyProperty() {
    return history.getReadOnlyProperty();
  }

  /** The histories of the other studies selected for comparison, by name; empty when none is. */
  public ReadOnlyObjectProperty<Map<String, OptimizationHistory>> comparedHistoriesProperty() {
    return compared.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty historyNoteProperty() {
    return historyNote.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty countsTextProperty() {
    return countsText.getReadOnlyProperty();
  }
}
