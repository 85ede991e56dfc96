package org.tunelab.app;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.VBox;
import org.tunelab.storage.StudySummary;
import org.tunelab.trial.FrozenTrial;

/**
 * The database's studies: name, directions, trial count and best value. Selecting one shows it; the
 * selection follows the view model (which picks the first study of a freshly opened database) and
 * survives live refreshes.
 */
public final class StudyListView extends ListView<StudySummary> {
  private final MainViewModel viewModel;
  private boolean syncing;

  public StudyListView(MainViewModel viewModel) {
    super(viewModel.studies());
    this.viewModel = viewModel;
    setId("studyList");
    getStyleClass().add("study-list");
    setPlaceholder(new Label("No studies in this database"));
    setCellFactory(list -> new StudyCell());
    getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
      if (!syncing && s != null) viewModel.selectStudy(s.studyId());
    });
    // Ctrl/Shift-click selects several: the last one clicked is shown, the others overlaid on its history
    getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    getSelectionModel().getSelectedItems().addListener((ListChangeListener<StudySummary>) c -> {
      if (syncing) return;
      // all of them: the watcher leaves out whichever is shown when it reads
      viewModel.compareStudies(getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
          .map(StudySummary::studyId).distinct().toList());
    });
    viewModel.selectedStudyIdProperty().addListener((o, a, id) -> selectById(id.longValue()));
    // a replaced row (new trial counts) may drop the selection; put it back
    getItems().addListener((ListChangeListener<StudySummary>) c -> selectById(viewModel.selectedStudyIdProperty().get()));
  }

  private void selectById(long id) {
    StudySummary current = getSelectionModel().getSelectedItem();
    if (current != null && current.studyId() == id) return;
    if (getSelectionModel().getSelectedItems().stream().anyMatch(s -> s != null && s.studyId() == id)) return;
    syncing = true;
    try {
      int index = -1;
      for (int i = 0; i < getItems().size(); i++) {
        if (getItems().get(i).studyId() == id) index = i;
      }
      if (index < 0) getSelectionModel().clearSelection();
      else getSelectionModel().select(index);
    } finally {
      syncing = false;
    }
  }

  /** Two lines: the name, and what the study is at a glance. */
  private static final class StudyCell extends ListCell<StudySummary> {
    private final Label name = new Label();
    private final Label details = new Label();
    private final VBox box = new VBox(2, name, details);

    StudyCell() {
      name.getStyleClass().add("study-name");
      details.getStyleClass().add("study-details");
    }

    @Override
    protected void updateItem(StudySummary s, boolean empty) {
      super.updateItem(s, empty);
      if (empty || s == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      name.setText(s.name());
      details.setText(describe(s));
      setText(null);
      setGraphic(box);
    }
  }

  /** {@code minimize · 32 trials · best 2.13665}. */
  static String describe(StudySummary s) {
    StringBuilder b = new StringBuilder(Formats.directions(s.directions()));
    int n = s.trialCount();
    b.append(" · ").append(n).append(n == 1 ? " trial" : " trials");
    FrozenTrial best = s.bestTrial();
    if (best != null && best.hasValues()) b.append(" · best ").append(Formats.number(best.values().get(0)));
    return b.toString();
  }
}
