package org.tunelab.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.app.CoalescingPublisher;
import org.tunelab.app.DialogService;
import org.tunelab.app.Formats;
import org.tunelab.app.TaskExecutor;
import org.tunelab.run.RunStatus;
import org.tunelab.run.StudyControl;
import org.tunelab.storage.Storage;
import org.tunelab.study.Study;
import org.tunelab.trial.FrozenTrial;

/**
 * The run panel's state and actions for the study shown: where its run stands ({@link RunOverview}),
 * the running trials, the failures, and the live output of one selected trial; pause, resume, stop,
 * slots, kill, re-run and enqueue, all written to the store so they reach the process running the
 * study wherever it is. Methods are called on the UI thread; the store and files are read and
 * written on the {@link TaskExecutor}'s background threads, and the results come back coalesced.
 */
public final class RunPanelViewModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunPanelViewModel.class);
  static final int LOG_CHARS = 200_000;

  private final TaskExecutor executor;
  private final DialogService dialogs;
  private final CoalescingPublisher<Reading> publisher;
  private final ReadOnlyObjectWrapper<RunOverview> overview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper remainingText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper specFile = new ReadOnlyStringWrapper("");
  private final ObservableList<RunOverview.SlotRow> slotRows = FXCollections.observableArrayList();
  private final ObservableList<RunOverview.FailureRow> failures = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper outputTitle = new ReadOnlyStringWrapper("Select a trial to see its output");
  private final BooleanProperty follow = new SimpleBooleanProperty(true);

  // Read by the background poll; written on the UI thread.
  private volatile Storage storage;
  private volatile long studyId = -1;
  private volatile List<FrozenTrial> trials = List.of();
  private volatile Path selectedLog;
  private volatile int selectedTrial = -1;
  private volatile boolean following = true;
  /** Owned by the poll (which never overlaps itself). */
  private LogTail tail;
  private TaskExecutor.Cancellable polling;

  /** What one poll read, handed to the UI. */
  private record Reading(long studyId, RunOverview overview, String spec, int trial, String output, String outputTitle) {}

  public RunPanelViewModel(TaskExecutor executor, DialogService dialogs) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.publisher = new CoalescingPublisher<>(executor, this::apply);
    follow.addListener((o, a, on) -> {
      following = on;
      if (on) refresh();
    });
  }

  /** Starts reading the store every {@code period}; the first reading happens at once. */
  public void start(Duration period) {
    if (polling == null) polling = executor.every(period, this::poll);
  }

  /**
   * The store to read and steer (owned by the caller, who closes it after {@link #setStorage}
   * replaced it), or {@code null} for none.
   */
  public void setStorage(Storage storage) {
    this.storage = storage;
    clearShown();
  }

  /** Shows this study with these trials (as the study view read them), or none for a negative id. */
  public void setStudy(long id, List<FrozenTrial> studyTrials) {
    if (id != studyId) {
      studyId = id;
      clearShown();
    }
    trials = studyTrials == null ? List.of() : List.copyOf(studyTrials);
    refresh();
  }

  private void clearShown() {
    overview.set(null);
    slotRows.clear();
    failures.clear();
    selectTrial(-1, null);
  }

  /** Shows the output of this trial, read from its log file ({@code null}: it has none). */
  public void selectTrial(int number, String logFile) {
    if (number == selectedTrial && Objects.equals(logFile, selectedLog == null ? null : selectedLog.toString())) return;
    selectedTrial = number;
    selectedLog = logFile == null ? null : Path.of(logFile);
    output.set("");
    outputTitle.set(number < 0 ? "Select a trial to see its output"
        : logFile == null ? "Trial " + number + " has no log file" : "Trial " + number + ": " + logFile);
    refresh();
  }

  /** Reads again now, in the background. */
  public void refresh() {
    executor.execute(this::poll);
  }

  /** One reading of the store and the selected log; runs on a background thread. */
  synchronized void poll() {
    Storage s = storage;
    long id = studyId;
    if (s == null || id < 0) return;
    try {
      Map<String, Object> attrs = s.studySystemAttrs(id);
      Optional<RunStatus> status = RunStatus.of(attrs);
      boolean alive = status.map(RunStatus::isActive).orElse(false);
      RunOverview o = RunOverview.of(trials, status, alive, StudyControl.of(attrs), System.currentTimeMillis(),
          ZoneId.systemDefault());
      String spec = attrs.get(RunStatus.SPEC_ATTR) instanceof String p ? p : "";
      int trial = selectedTrial;
      Path log = selectedLog;
      String text = null;
      String title = null;
      if (log != null && (following || tail == null || !tail.file().equals(log))) {
        if (tail == null || !tail.file().equals(log)) tail = new LogTail(log, LOG_CHARS);
        try {
          text = tail.read();
          if (!Files.exists(log)) title = "Trial " + trial + ": " + log + " (not written yet)";
          else if (tail.truncated()) title = "Trial " + trial + ": " + log + " (last " + LOG_CHARS / 1000 + " kB)";
        } catch (IOException e) {
          title = "Trial " + trial + ": cannot read " + log + ": " + e.getMessage();
        }
      }
      publisher.publish(new Reading(id, o, spec, trial, text, title));
    } catch (RuntimeException e) {
      // The top of a periodic task: the store may be closing under it (another database opened) or
      // locked for a moment; the next poll tries again, and the window's own watcher reports lasting trouble.
      LOG.debug("cannot read the run of study {}: {}", id, e.getMessage());
    }
  }

  private void apply(Reading r) {
    if (r.studyId() != studyId) return;
    RunOverview o = r.overview();
    overview.set(o);
    specFile.set(r.spec());
    elapsedText.set(o.elapsed() == null ? "" : Formats.duration(o.elapsed()));
    remainingText.set(o.remaining() == null ? (o.state().isActive() ? "unknown" : "") : "~" + Formats.duration(o.remaining()));
    syncById(slotRows, o.runningTrials());
    if (!failures.equals(o.failures())) failures.setAll(o.failures());
    if (r.trial() == selectedTrial) {
      if (r.output() != null && !r.output().equals(output.get())) output.set(r.output());
      if (r.outputTitle() != null) outputTitle.set(r.outputTitle());
    }
  }

  /** Keeps rows of the same trial in place, so a table's selection survives a refresh. */
  private static void syncById(ObservableList<RunOverview.SlotRow> list, List<RunOverview.SlotRow> rows) {
    if (list.size() == rows.size()) {
      boolean same = true;
      for (int i = 0; i < rows.size() && same; i++) same = list.get(i).number() == rows.get(i).number();
      if (same) {
        for (int i = 0; i < rows.size(); i++) if (!list.get(i).equals(rows.get(i))) list.set(i, rows.get(i));
        return;
      }
    }
    list.setAll(rows);
  }

  // ---- actions: every one a write to the store, in the background ------------------------------

  public void pause() {
    write("pause the study", (s, id) -> StudyControl.pause(s, id));
  }

  public void resume() {
    write("resume the study", (s, id) -> StudyControl.resume(s, id));
  }

  /** Starts no new trial; running ones finish. */
  public void stop() {
    write("stop the study", (s, id) -> StudyControl.stop(s, id));
  }

  /** Kills the running trials too. */
  public void stopNow() {
    write("stop the study", (s, id) -> StudyControl.stopNow(s, id));
  }

  public void setSlots(int slots) {
    if (slots < 1) return;
    write("change the slots", (s, id) -> StudyControl.slots(s, id, slots));
  }

  /** Asks the run to kill this running trial. */
  public void killTrial(long trialId) {
    write("kill the trial", (s, id) -> StudyControl.killTrial(s, trialId));
  }

  /** Enqueues a trial with these parameters; the run takes it before sampling new ones. */
  public void enqueue(Map<String, Object> params) {
    Map<String, Object> copy = Map.copyOf(params);
    write("enqueue the trial", (s, id) -> Study.builder(s).name(s.studyName(id)).loadIfExists().build().enqueue(copy));
  }

  /** The trial of this number, as last read; empty when it is not in the study. */
  public Optional<FrozenTrial> trial(int number) {
    return trials.stream().filter(t -> t.number() == number).findFirst();
  }

  /** Enqueues the parameters of trial {@code number} again. */
  public void rerun(int number) {
    trial(number).ifPresent(t -> enqueue(t.params()));
  }

  private interface StoreWrite {
    void apply(Storage storage, long studyId);
  }

  private void write(String what, StoreWrite action) {
    Storage s = storage;
    long id = studyId;
    if (s == null || id < 0) return;
    executor.execute(() -> {
      try {
        action.apply(s, id);
        poll();
      } catch (RuntimeException e) {
        LOG.warn("could not {}: {}", what, e.getMessage());
        executor.runOnUi(() -> dialogs.showError("Could not " + what, String.valueOf(e.getMessage()), e));
      }
    });
  }

  @Override
  public void close() {
    if (polling != null) polling.close();
    polling = null;
  }

  // ---- properties ------------------------------------------------------------------------------

  /** Where the shown study's run stands; {@code null} until read. */
  public ReadOnlyObjectProperty<RunOverview> overviewProperty() {
    return overview.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty elapsedTextProperty() {
    return elapsedText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty remainingTextProperty() {
    return remainingText.getReadOnlyProperty();
  }

  /** The spec file the study was last launched from by the app, or empty. */
  public ReadOnlyStringProperty specFileProperty() {
    return specFile.getReadOnlyProperty();
  }

  public ObservableList<RunOverview.SlotRow> slotRows() {
    return slotRows;
  }

  public ObservableList<RunOverview.FailureRow> failures() {
    return failures;
  }

  /** The tail of the selected trial's log. */
  public ReadOnlyStringProperty outputProperty() {
    return output.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty outputTitleProperty() {
    return outputTitle.getReadOnlyProperty();
  }

  /** Whether the output keeps being read as it grows. */
  public BooleanProperty followProperty() {
    return follow;
  }

  public long studyId() {
    return studyId;
  }
}
