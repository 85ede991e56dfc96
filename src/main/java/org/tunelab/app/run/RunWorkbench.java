package org.tunelab.app.run;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.app.AppContext;
import org.tunelab.app.DatabaseLocation;
import org.tunelab.app.StudyViewModel;
import org.tunelab.chart.StudyTrials;
import org.tunelab.storage.Storage;

/**
 * The running-and-steering part of the main window, assembled in one place: the launcher, the run
 * panel (as a tab) with its view model and its own connection to the open database (for the
 * steering writes), the Run menu, and the close guard. The main window adds {@link #tab()} and
 * {@link #menu()} and asks {@link #closeGuard()} before closing.
 */
public final class RunWorkbench {
  private static final Logger LOG = LoggerFactory.getLogger(RunWorkbench.class);

  private final AppContext context;
  private final RunPanelViewModel panel;
  private final RunLauncher launcher;
  private final RunPanelView view;
  private final Tab tab;
  private final CloseGuard guard;
  private Storage storage;
  private long generation;

  /**
   * @param database the database the window shows
   * @param study the study the window shows
   * @param openStudy opens a SQLite file in the window and selects the study of that name
   */
  public RunWorkbench(AppContext context, ObservableValue<DatabaseLocation> database, StudyViewModel study,
      BiConsumer<Path, String> openStudy) {
    this.context = context;
    panel = new RunPanelViewModel(context.executor(), context.dialogs());
    launcher = new RunLauncher(context.executor(), context.dialogs(), (db, name) -> {
      openStudy.accept(db, name);
      showTab();
    });
    view = new RunPanelView(panel, launcher::launch);
    tab = new Tab("Run", view);
    tab.setId("tab-run");
    guard = new CloseGuard(launcher, panel, context.dialogs(), context.executor());
    database.addListener((o, a, location) -> connect(location));
    connect(database.getValue());
    study.plotInputProperty().addListener((o, a, trials) -> follow(study));
    study.studyIdProperty().addListener((o, a, id) -> follow(study));
    panel.start(context.pollPeriod());
  }

  private void follow(StudyViewModel study) {
    StudyTrials input = study.plotInputProperty().get();
    panel.setStudy(study.studyIdProperty().get(), input == null ? null : input.trials());
  }

  /** Opens the panel's own connection to the database shown, closing the previous one. */
  private void connect(DatabaseLocation location) {
    long token = ++generation;
    Storage old = storage;
    storage = null;
    panel.setStorage(null);
    context.executor().execute(() -> {
      if (old != null) old.close();
      if (location == null) return;
      try {
        Storage s = context.opener().open(location);
        context.executor().runOnUi(() -> {
          if (token != generation) {
            context.executor().execute(s::close);
            return;
          }
          storage = s;
          panel.setStorage(s);
        });
      } catch (RuntimeException e) {
        // The window's own reading reports why the database cannot be opened.
        LOG.warn("the run panel cannot open {}: {}", location.display(), e.getMessage());
      }
    });
  }

  /** The Run menu: run a spec file, pause, resume, stop, kill the selected trial. */
  public Menu menu() {
    MenuItem run = item("Run spec file…", "menuRunSpec", launcher::launchWithChooser);
    run.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
    MenuItem pause = item("Pause", "menuRunPause", panel::pause);
    pause.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    MenuItem resume = item("Resume", "menuRunResume", panel::resume);
    resume.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    MenuItem stop = item("Stop (running trials finish)", "menuRunStop", panel::stop);
    stop.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    MenuItem stopNow = item("Stop now (kill running trials)", "menuRunStopNow", panel::stopNow);
    MenuItem kill = item("Kill selected trial", "menuRunKill", view::killSelected);
    kill.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
    MenuItem show = item("Show run panel", "menuRunPanel", this::showTab);
    Menu menu = new Menu("Run", null, run, new SeparatorMenuItem(), pause, resume, stop, stopNow,
        new SeparatorMenuItem(), kill, show);
    menu.setId("menuRun");
    return menu;
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setMnemonicParsing(false);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  /** Selects the run tab in its tab pane. */
  public void showTab() {
    if (tab.getTabPane() != null) tab.getTabPane().getSelectionModel().select(tab);
  }

  /** Stops reading; called when the window has closed. Does not block. */
  public void shutdown() {
    panel.close();
    generation++;
    Storage s = storage;
    storage = null;
    if (s != null) context.executor().execute(s::close);
  }

  public Tab tab() {
    return tab;
  }

  public RunLauncher launcher() {
    return launcher;
  }

  public RunPanelViewModel panel() {
    return panel;
  }

  public RunPanelView view() {
    return view;
  }

  public CloseGuard closeGuard() {
    return guard;
  }
}
