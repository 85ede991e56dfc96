package org.tunelab.app.run;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tunelab.app.Formats;

/**
 * The run panel: a toolbar with the run's state, start/pause/resume/stop, the slot count, progress
 * against the budget, elapsed time and ETA; the running trials and the failures; and the live output
 * of the trial selected in either table. Binds to a {@link RunPanelViewModel}; every button calls it.
 */
public final class RunPanelView extends BorderPane {
  private final RunPanelViewModel vm;
  private final TableView<RunOverview.SlotRow> slots = new TableView<>();
  private final TableView<RunOverview.FailureRow> failures = new TableView<>();
  private final Spinner<Integer> slotSpinner = new Spinner<>(1, 4096, 1);
  private final OutputPane output;
  private boolean showingSlots;
  /** The running trial the user selected; kept selected as its row is refreshed. */
  private Integer keptSlot;
  /** The trial selected in the window's trials table, for re-run and enqueue; {@code null} for none. */
  private final javafx.beans.property.ObjectProperty<Integer> tableSelection =
      new javafx.beans.property.SimpleObjectProperty<>();

  /**
   * @param onStart starts the study again from its spec file (the launcher)
   */
  public RunPanelView(RunPanelViewModel vm, Consumer<Path> onStart) {
    this.vm = vm;
    setId("runPanel");
    getStyleClass().add("run-panel");
    output = new OutputPane(vm);
    setTop(toolbar(onStart));
    SplitPane tables = new SplitPane(titled("Running trials", slotsPane()), titled("Failures", failuresPane()));
    tables.setOrientation(Orientation.VERTICAL);
    tables.setDividerPositions(0.55);
    SplitPane center = new SplitPane(tables, output);
    center.setDividerPositions(0.52);
    setCenter(center);
  }

  private VBox toolbar(Consumer<Path> onStart) {
    Label state = new Label("No run recorded for this study: run it from a spec file (Run > Run spec file…)");
    state.setId("runState");
    state.getStyleClass().add("run-state");
    vm.overviewProperty().addListener((o, a, ov) -> {
      state.setText(ov == null ? "" : ov.stateText());
      state.getStyleClass().removeIf(c -> c.startsWith("run-state-"));
      if (ov != null) state.getStyleClass().add("run-state-" + ov.state().name().toLowerCase(java.util.Locale.ROOT));
    });
    Button start = button("Start", "runStart", "Run the study again from its spec file", () -> {
      String spec = vm.specFileProperty().get();
      if (!spec.isEmpty()) onStart.accept(Path.of(spec));
    });
    start.disableProperty().bind(Bindings.createBooleanBinding(() -> active() || vm.specFileProperty().get().isEmpty(),
        vm.overviewProperty(), vm.specFileProperty()));
    Button pause = button("Pause", "runPause", "Start no new trial; running ones go on (Ctrl+Shift+P)", vm::pause);
    pause.disableProperty().bind(stateIsNot(RunOverview.RunState.RUNNING));
    Button resume = button("Resume", "runResume", "Start trials again (Ctrl+Shift+R)", vm::resume);
    resume.disableProperty().bind(stateIsNot(RunOverview.RunState.PAUSED));
    Button stop = button("Stop", "runStop", "Start no new trial; running ones finish (Ctrl+Shift+S)", vm::stop);
    Button stopNow = button("Stop now", "runStopNow", "Stop and kill the running trials", vm::stopNow);
    stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !active() || state() == RunOverview.RunState.STOPPING,
        vm.overviewProperty()));
    stopNow.disableProperty().bind(Bindings.createBooleanBinding(() -> !active(), vm.overviewProperty()));
    stopNow.getStyleClass().add("danger");

    slotSpinner.setId("runSlots");
    slotSpinner.setEditable(true);
    slotSpinner.setPrefWidth(80);
    slotSpinner.setTooltip(new Tooltip("Trials run at once; lowering it lets running trials finish"));
    slotSpinner.disableProperty().bind(Bindings.createBooleanBinding(() -> !active(), vm.overviewProperty()));
    vm.overviewProperty().addListener((o, a, ov) -> {
      if (ov == null || slotSpinner.isFocused() && slotSpinner.getEditor().isFocused()) return;
      showingSlots = true;
      slotSpinner.getValueFactory().setValue(ov.slots());
      showingSlots = false;
    });
    slotSpinner.valueProperty().addListener((o, a, n) -> {
      if (!showingSlots && n != null && !n.equals(a)) vm.setSlots(n);
    });
    Label slotsLabel = new Label("Slots");

    ProgressBar progress = new ProgressBar(0);
    progress.setId("runProgress");
    progress.setPrefWidth(180);
    progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
      RunOverview ov = vm.overviewProperty().get();
      return ov == null ? 0 : ov.progress() < 0 && !ov.state().isActive() ? 0 : ov.progress();
    }, vm.overviewProperty()));
    Label progressText = label("runProgressText", Bindings.createStringBinding(() -> {
      RunOverview ov = vm.overviewProperty().get();
      return ov == null ? "" : ov.progressText();
    }, vm.overviewProperty()));
    Label elapsed = label("runElapsed", Bindings.createStringBinding(() -> vm.elapsedTextProperty().get().isEmpty() ? ""
        : "Elapsed " + vm.elapsedTextProperty().get(), vm.elapsedTextProperty()));
    Label eta = label("runEta", Bindings.createStringBinding(() -> vm.remainingTextProperty().get().isEmpty() ? ""
        : "Left " + vm.remainingTextProperty().get(), vm.remainingTextProperty()));

    HBox buttons = new HBox(6, start, pause, resume, stop, stopNow, gap(), slotsLabel, slotSpinner);
    buttons.setAlignment(Pos.CENTER_LEFT);
    HBox stats = new HBox(12, progress, progressText, elapsed, eta);
    stats.setAlignment(Pos.CENTER_LEFT);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox row = new HBox(12, buttons, grow, stats);
    row.setAlignment(Pos.CENTER_LEFT);
    VBox bar = new VBox(6, state, row);
    bar.getStyleClass().add("run-toolbar");
    return bar;
  }

  private TableView<RunOverview.SlotRow> slotsPane() {
    slots.setId("runSlotsTable");
    slots.setItems(vm.slotRows());
    slots.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    slots.setPlaceholder(new Label("No trial is running"));
    // Columns share the width: a horizontal scroll bar would hide the last report, the column most watched.
    slots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    slots.getColumns().add(column("#", 40, r -> String.valueOf(r.number())));
    slots.getColumns().add(column("Parameters", 190, RunOverview.SlotRow::params));
    slots.getColumns().add(column("Host", 55, RunOverview.SlotRow::host));
    slots.getColumns().add(column("Running", 70, r -> Formats.duration(r.runningFor())));
    slots.getColumns().add(column("Last report", 150, RunOverview.SlotRow::lastReport));
    // A refreshed row replaces the old one, which drops the selection: select the same trial again.
    vm.slotRows().addListener((javafx.collections.ListChangeListener<RunOverview.SlotRow>) c ->
        javafx.application.Platform.runLater(this::reselectKeptSlot));
    slots.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
      if (r != null) {
        keptSlot = r.number();
        failures.getSelectionModel().clearSelection();
        vm.selectTrial(r.number(), r.logFile());
      }
    });
    return slots;
  }

  private void reselectKeptSlot() {
    if (keptSlot == null || slots.getSelectionModel().getSelectedItem() != null) return;
    for (int i = 0; i < slots.getItems().size(); i++) {
      if (slots.getItems().get(i).number() == keptSlot) {
        slots.getSelectionModel().select(i);
        return;
      }
    }
  }

  private TableView<RunOverview.FailureRow> failuresPane() {
    failures.setId("runFailuresTable");
    failures.setItems(vm.failures());
    failures.setPlaceholder(new Label("No failed trial"));
    failures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    failures.getColumns().add(column("#", 40, r -> String.valueOf(r.number())));
    TableColumn<RunOverview.FailureRow, String> reason = column("Reason", 520, RunOverview.FailureRow::reason);
    failures.getColumns().add(reason);
    failures.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
      if (r != null) {
        keptSlot = null;
        slots.getSelectionModel().clearSelection();
        vm.selectTrial(r.number(), r.logFile());
      }
    });
    return failures;
  }

  private VBox titled(String title, TableView<?> table) {
    Label label = new Label(title);
    label.getStyleClass().add("run-section");
    VBox box = new VBox(label, table);
    if (table == slots) box.getChildren().add(trialActions());
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private HBox trialActions() {
    Button kill = button("Kill trial", "runKill", "Kill the selected running trial; it ends FAIL (Ctrl+K)",
        this::killSelected);
    kill.disableProperty().bind(slots.getSelectionModel().selectedItemProperty().isNull());
    Button rerun = button("Re-run", "runRerun",
        "Enqueue the parameters of the trial selected here (or in the trials table) again", () -> {
      Integer n = selectedNumber();
      if (n != null) vm.rerun(n);
    });
    Button enqueue = button("Enqueue parameters…", "runEnqueue", "Edit the selected trial's parameters and enqueue them",
        this::enqueueEdited);
    var nothingSelected = Bindings.createBooleanBinding(() -> selectedNumber() == null,
        slots.getSelectionModel().selectedItemProperty(), failures.getSelectionModel().selectedItemProperty(),
        tableSelection);
    rerun.disableProperty().bind(nothingSelected);
    enqueue.disableProperty().bind(nothingSelected);
    HBox box = new HBox(6, kill, rerun, enqueue);
    box.getStyleClass().add("run-trial-actions");
    return box;
  }

  /** Kills the running trial selected in the table (the action behind Ctrl+K). */
  public void killSelected() {
    RunOverview.SlotRow r = slots.getSelectionModel().getSelectedItem();
    if (r != null) vm.killTrial(r.trialId());
  }

  private void enqueueEdited() {
    Integer n = selectedNumber();
    if (n == null) return;
    vm.trial(n).ifPresent(t -> new EnqueueDialog(t, getScene() == null ? null : getScene().getWindow())
        .showAndWait().ifPresent(vm::enqueue));
  }

  private Integer selectedNumber() {
    RunOverview.SlotRow s = slots.getSelectionModel().getSelectedItem();
    if (s != null) return s.number();
    RunOverview.FailureRow f = failures.getSelectionModel().getSelectedItem();
    return f != null ? Integer.valueOf(f.number()) : tableSelection.get();
  }

  /**
   * The trial number selected in the window's trials table: Re-run and Enqueue parameters… act on it
   * when no running or failed trial is selected here, so any trial can be run again.
   */
  public javafx.beans.property.ObjectProperty<Integer> tableSelectionProperty() {
    return tableSelection;
  }

  private boolean active() {
    RunOverview ov = vm.overviewProperty().get();
    return ov != null && ov.state().isActive();
  }

  private RunOverview.RunState state() {
    RunOverview ov = vm.overviewProperty().get();
    return ov == null ? null : ov.state();
  }

  private ObservableValue<Boolean> stateIsNot(RunOverview.RunState s) {
    return Bindings.createBooleanBinding(() -> state() != s, vm.overviewProperty());
  }

  private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
    TableColumn<R, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setSortable(false);
    if (title.equals("#")) c.setMaxWidth(60);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }

  private static Button button(String text, String id, String tip, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Label label(String id, javafx.beans.binding.StringBinding text) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(text);
    return l;
  }

  private static Region gap() {
    Region r = new Region();
    r.setPadding(new Insets(0, 6, 0, 6));
    return r;
  }

  public TableView<RunOverview.SlotRow> slotsTable() {
    return slots;
  }

  public TableView<RunOverview.FailureRow> failuresTable() {
    return failures;
  }

  public OutputPane outputPane() {
    return output;
  }
}
