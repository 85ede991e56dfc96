package org.tunelab.app;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.tunelab.app.design.DesignerFiles;
import org.tunelab.app.design.StudyDesignerWindow;
import org.tunelab.chart.StudyTrials;
import org.tunelab.trial.StudySearchSpace;

/**
 * The main window: menu bar, a notification banner, the welcome pane or the study browser (study
 * list | trials table over history chart), and the status bar. Assembles the views and binds them to
 * the {@link MainViewModel}; handles files dropped onto the window.
 */
public final class MainWindow {
  private final MainViewModel viewModel;
  private final Stage stage;
  private final Scene scene;
  private final TrialTableView trialTable;
  private final HistoryChartView historyChart;
  private final StudyListView studyList;
  private final TrialFilterBar filterBar;
  private final PlotsView plots;
  private final org.tunelab.app.run.RunWorkbench run;

  public MainWindow(Stage stage, MainViewModel viewModel) {
    this.stage = stage;
    this.viewModel = viewModel;
    studyList = new StudyListView(viewModel);
    trialTable = new TrialTableView(viewModel.study());
    historyChart = new HistoryChartView(viewModel.study(), viewModel.themeProperty());
    filterBar = new TrialFilterBar(viewModel.study(), this::exportCsv);
    plots = new PlotsView(viewModel.study(), viewModel, trialTable::selectTrial, historyChart);
    run = new org.tunelab.app.run.RunWorkbench(viewModel.context(), viewModel.databaseProperty(), viewModel.study(),
        (db, study) -> viewModel.open(DatabaseLocation.of(db), study));
    plots.getTabs().add(run.tab());
    trialTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) ->
        run.view().tableSelectionProperty().set(row == null ? null : row.number()));

    WelcomeView welcome = new WelcomeView(viewModel, this::newStudy);
    SplitPane browser = browser();
    welcome.visibleProperty().bind(viewModel.databaseProperty().isNull());
    browser.visibleProperty().bind(viewModel.databaseProperty().isNotNull());

    BorderPane root = new BorderPane();
    root.getStyleClass().add("main-window");
    javafx.scene.control.MenuBar menuBar = MainMenu.create(viewModel, this::quit, this::newStudy, this::openSpec,
        run.launcher()::launchWithChooser);
    menuBar.getMenus().add(menuBar.getMenus().size() - 1, run.menu());
    root.setTop(new VBox(menuBar, banner()));
    root.setCenter(new StackPane(welcome, browser));
    root.setBottom(new StatusBarView(viewModel));

    scene = new Scene(root, 1280, 820);
    applyTheme(viewModel.themeProperty().get());
    viewModel.themeProperty().addListener((o, a, t) -> applyTheme(t));
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), filterBar::focusSearch);
    scene.setOnDragOver(this::dragOver);
    scene.setOnDragDropped(this::dragDropped);

    stage.setScene(scene);
    stage.titleProperty().bind(viewModel.titleProperty());
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    // A run going on is asked about first: keep it in the background, stop it, or stay.
    stage.setOnCloseRequest(e -> {
      if (!run.closeGuard().mayClose(stage::close)) e.consume();
    });
    // hidden covers the close button and File > Quit alike: stop the demo, close the database
    stage.setOnHidden(e -> {
      run.shutdown();
      viewModel.shutdown();
    });
  }

  /** File > Quit: as the close button, asking first when a study is running. */
  private void quit() {
    if (run.closeGuard().mayClose(stage::close)) stage.close();
  }

  /** Opens a study designer window and asks where the new study starts from. */
  public StudyDesignerWindow newStudy() {
    StudyDesignerWindow w = designer();
    w.show();
    w.askStart();
    return w;
  }

  /** Asks for a spec file and opens it in a study designer window. */
  private void openSpec() {
    viewModel.context().dialogs().showOpenFileDialog("Open study spec", List.of("yaml", "yml")).ifPresent(file -> {
      StudyDesignerWindow w = designer();
      w.viewModel().files().open(file);
      w.show();
    });
  }

  private StudyDesignerWindow designer() {
    StudyTrials trials = viewModel.study().plotInputProperty().get();
    Optional<Consumer<DesignerFiles>> fromStudy = trials == null || trials.trials().isEmpty() ? Optional.empty()
        : Optional.of(files -> files.newFromSpace(trials.name(), StudySearchSpace.of(trials.trials()).space()));
    StudyDesignerWindow w = new StudyDesignerWindow(new Stage(), viewModel.context().executor(),
        viewModel.themeProperty(), fromStudy, trials == null ? "" : trials.name());
    w.stage().initOwner(stage);
    w.setOnRun(run.launcher()::launch);
    return w;
  }

  private SplitPane browser() {
    Label name = new Label();
    name.setId("studyTitle");
    name.getStyleClass().add("study-title");
    name.textProperty().bind(viewModel.study().nameProperty());
    Label counts = new Label();
    counts.getStyleClass().add("study-counts");
    counts.textProperty().bind(viewModel.study().countsTextProperty());
    Label best = new Label();
    best.setId("bestTrial");
    best.getStyleClass().add("study-best");
    best.textProperty().bind(viewModel.study().bestTextProperty());
    HBox header = new HBox(12, name, counts, best);
    header.setAlignment(Pos.BASELINE_LEFT);
    header.getStyleClass().add("study-header");
    VBox tablePane = new VBox(header, filterBar, trialTable);
    VBox.setVgrow(trialTable, Priority.ALWAYS);

    SplitPane study = new SplitPane(tablePane, plots);
    study.setOrientation(Orientation.VERTICAL);
    study.setDividerPositions(0.42);
    SplitPane browser = new SplitPane(studyList, study);
    browser.setDividerPositions(0.2);
    SplitPane.setResizableWithParent(studyList, false);
    studyList.setMinWidth(180);
    studyList.setPrefWidth(260);
    return browser;
  }

  private HBox banner() {
    Label text = new Label();
    text.setId("notification");
    text.textProperty().bind(viewModel.notificationProperty());
    text.setWrapText(true);
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMaxWidth(Double.MAX_VALUE);
    Button dismiss = new Button("Dismiss");
    dismiss.setOnAction(e -> viewModel.dismissNotification());
    HBox banner = new HBox(12, text, dismiss);
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.getStyleClass().add("notification-banner");
    banner.managedProperty().bind(viewModel.notificationProperty().isNotEmpty());
    banner.visibleProperty().bind(banner.managedProperty());
    return banner;
  }

  /** Saves the rows the table shows (filtered and sorted) as CSV, written in the background. */
  private void exportCsv() {
    StudyViewModel study = viewModel.study();
    if (study.studyIdProperty().get() < 0) return;
    List<TrialRow> rows = List.copyOf(trialTable.getItems());
    int objectives = study.objectiveCountProperty().get();
    List<String> params = List.copyOf(study.paramNames());
    List<String> attrs = List.copyOf(study.userAttrKeys());
    AppContext context = viewModel.context();
    context.dialogs().showSaveDialog("Export trials", study.nameProperty().get() + "-trials.csv", List.of("csv"))
        .ifPresent(file -> context.executor().execute(() -> {
          try {
            java.nio.file.Files.writeString(file, TrialCsv.of(rows, objectives, params, attrs));
          } catch (java.io.IOException e) {
            context.executor().runOnUi(() -> context.dialogs().showError("Cannot export the trials", file + ": " + e.getMessage(), e));
          }
        }));
  }

  private void applyTheme(Theme theme) {
    scene.getStylesheets().setAll(theme.stylesheet());
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
    e.consume();
  }

  private void dragDropped(DragEvent e) {
    List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
    boolean ok = !files.isEmpty();
    if (ok) viewModel.open(DatabaseLocation.of(files.get(0).toPath()), null);
    e.setDropCompleted(ok);
    e.consume();
  }

  public MainViewModel viewModel() {
    return viewModel;
  }

  public Stage stage() {
    return stage;
  }

  public Scene scene() {
    return scene;
  }

  public TrialTableView trialTable() {
    return trialTable;
  }

  public HistoryChartView historyChart() {
    return historyChart;
  }

  TrialFilterBar filterBar() {
    return filterBar;
  }

  PlotsView plots() {
    return plots;
  }

  /** The launcher of spec files: {@code launch(Path)} runs a saved spec and shows its study. */
  public org.tunelab.app.run.RunLauncher runLauncher() {
    return run.launcher();
  }

  public org.tunelab.app.run.RunWorkbench run() {
    return run;
  }

  public StudyListView studyList() {
    return studyList;
  }
}
