package org.tunelab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.storage.Storage;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudySummary;
import org.tunelab.study.TuneLabVersion;

/**
 * The main window's state and behaviour: which database is open, its studies, the selected study,
 * recent files, the demo, and what the status bar says. All methods and property changes happen on
 * the UI thread; storage work goes to the {@link TaskExecutor} and comes back through
 * {@link StudyWatcher}'s coalescing publisher.
 */
public final class MainViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
  static final long NONE = -1;

  private final AppContext context;
  private final TaskExecutor executor;
  private final RecentFiles recent;
  private final ThemePreference themePreference;
  private final ReadOnlyObjectWrapper<DatabaseLocation> database = new ReadOnlyObjectWrapper<>();
  private final ObservableList<StudySummary> studies = FXCollections.observableArrayList();
  private final ObservableList<StudySummary> studiesView = FXCollections.unmodifiableObservableList(studies);
  private final ReadOnlyLongWrapper selectedStudyId = new ReadOnlyLongWrapper(NONE);
  private final StudyViewModel study = new StudyViewModel();
  private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
  private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
  private final ReadOnlyObjectWrapper<LiveState> live = new ReadOnlyObjectWrapper<>(LiveState.CLOSED);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(baseTitle());
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
  private final DemoController demo;

  private StudyWatcher watcher;
  private long generation;
  /** When the open database was asked for, until its first study is shown: the open time users feel. */
  private long openedAtNanos;
  private String studyToSelect;

  public MainViewModel(AppContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.executor = context.executor();
    this.recent = new RecentFiles(context.paths().recentFiles());
    this.themePreference = new ThemePreference(context.paths().settings());
    this.demo = new DemoController(context, this);
  }

  private static String baseTitle() {
    return "TuneLab " + TuneLabVersion.get();
  }

  // ---- opening and closing -------------------------------------------------------------------

  /**
   * Loads the recent files list and the theme. The theme is read at once, because a window that
   * first shows light and then turns dark flickers; the file is a few bytes.
   */
  public void loadPreferences() {
    theme.set(themePreference.load());
    theme.addListener((o, a, t) -> executor.execute(() -> themePreference.save(t)));
    executor.execute(() -> {
      List<Path> list = recent.load();
      executor.runOnUi(() -> recentFiles.setAll(list));
    });
  }

  /** Opens a path or storage URL given on the command line or typed by the user. */
  public void open(String location) {
    try {
      open(DatabaseLocation.parse(location), null);
    } catch (IllegalArgumentException e) {
      context.dialogs().showError("Cannot open database", e.getMessage(), e);
    }
  }

  /** Asks for a file and opens it. */
  public void openWithChooser() {
    DatabaseLocation current = database.get();
    Path dir = current != null && current.file() != null ? current.file().getParent()
        : recentFiles.isEmpty() ? null : recentFiles.get(0).getParent();
    context.dialogs().showOpenDatabaseDialog(dir).ifPresent(p -> open(DatabaseLocation.of(p), null));
  }

  /** Opens a recent file; one that no longer exists is dropped from the list with a message. */
  public void openRecent(Path file) {
    executor.execute(() -> {
      if (Files.exists(file)) {
        executor.runOnUi(() -> open(DatabaseLocation.of(file), null));
        return;
      }
      List<Path> list = recent.remove(file);
      executor.runOnUi(() -> {
        recentFiles.setAll(list);
        notification.set(file + " no longer exists; it was removed from the recent files.");
      });
    });
  }

  /**
   * Opens {@code location}, replacing the open database, and selects the study named
   * {@code selectStudy} (or the first one when {@code null}). Failures show an error dialog.
   */
  public void open(DatabaseLocation location, String selectStudy) {
    Objects.requireNonNull(location, "location");
    closeDatabase();
    long token = generation;
    openedAtNanos = System.nanoTime();
    live.set(LiveState.OPENING);
    problem.set("");
    executor.execute(() -> {
      Storage storage;
      try {
        storage = context.opener().open(location);
      } catch (DatabaseOpenException e) {
        executor.runOnUi(() -> openFailed(token, e.getMessage(), e.getCause()));
        return;
      } catch (StorageException e) {
        executor.runOnUi(() -> openFailed(token,
            location.shortName() + " is not an Optuna database, or it cannot be read.", e));
        return;
      }
      executor.runOnUi(() -> opened(token, location, storage, selectStudy));
    });
  }

  private void openFailed(long token, String message, Throwable cause) {
    LOG.warn("open failed: {}", message, cause);
    if (token != generation) return;
    live.set(LiveState.CLOSED);
    context.dialogs().showError("Cannot open database", message, cause);
  }

  private void opened(long token, DatabaseLocation location, Storage storage, String selectStudy) {
    if (token != generation) {
      // the user opened or closed something else meanwhile; this store is nobody's
      executor.execute(storage::close);
      return;
    }
    LOG.info("opened {}", location.display());
    database.set(location);
    title.set(baseTitle() + " — " + location.shortName());
    studyToSelect = selectStudy;
    StudyWatcher w = new StudyWatcher(storage, executor, update -> {
      if (token == generation) apply(update);
    });
    watcher = w;
    w.preferStudy(selectStudy);
    w.start(context.pollPeriod());
    if (location.file() != null) {
      executor.execute(() -> {
        List<Path> list = recent.add(location.file());
        executor.runOnUi(() -> recentFiles.setAll(list));
      });
    }
  }

  /** Closes the open database, if any, and shows the welcome pane. */
  public void closeDatabase() {
    generation++;
    StudyWatcher w = watcher;
    watcher = null;
    if (w != null) executor.execute(w::close);
    database.set(null);
    title.set(baseTitle());
    studies.clear();
    selectedStudyId.set(NONE);
    study.clear();
    live.set(LiveState.CLOSED);
    problem.set("");
  }

  /** Reads the open database again now (F5). */
  public void refresh() {
    if (watcher != null) watcher.refresh();
  }

  // ---- live updates --------------------------------------------------------------------------

  private void apply(SessionUpdate update) {
    if (update instanceof SessionUpdate.Failed f) {
      live.set(LiveState.FAILED);
      problem.set(f.message());
      return;
    }
    SessionUpdate.Loaded loaded = (SessionUpdate.Loaded) update;
    live.set(LiveState.LIVE);
    problem.set("");
    ListSync.update(studies, loaded.studies(), StudySummary::studyId);
    long selected = selectedStudyId.get();
    boolean stillThere = loaded.studies().stream().anyMatch(s -> s.studyId() == selected);
    if (selected != NONE && !stillThere) {
      selectedStudyId.set(NONE);
      study.clear();
    }
    if (selectedStudyId.get() == NONE && loaded.study() != null) {
      // the watcher picked the preferred study itself and read it in the same pass
      selectedStudyId.set(loaded.study().studyId());
      if (loaded.study().name().equals(studyToSelect)) studyToSelect = null;
    }
    if (selectedStudyId.get() == NONE && !loaded.studies().isEmpty()) {
      selectStudy(preferred(loaded.studies()).studyId());
    } else if (loaded.study() != null && loaded.study().studyId() == selectedStudyId.get()) {
      study.apply(loaded.study());
      if (openedAtNanos != 0) {
        LOG.info("study {} ({} trials) shown {} ms after opening the database", loaded.study().name(),
            loaded.study().rows().size(), (System.nanoTime() - openedAtNanos) / 1_000_000);
        openedAtNanos = 0;
      }
    }
  }

  private StudySummary preferred(List<StudySummary> list) {
    String wanted = studyToSelect;
    Optional<StudySummary> named = list.stream().filter(s -> s.name().equals(wanted)).findFirst();
    if (named.isPresent()) studyToSelect = null;
    return named.orElse(list.get(0));
  }

  /** Shows the study with this id (from the study list). */
  public void selectStudy(long studyId) {
    if (studyId == selectedStudyId.get() || watcher == null) return;
    selectedStudyId.set(studyId);
    if (study.studyIdProperty().get() != studyId) study.clear();
    watcher.selectStudy(studyId);
  }

  /** Overlays these studies' histories on the selected study's (from a multiple selection in the list). */
  public void compareStudies(List<Long> studyIds) {
    if (watcher != null) watcher.compare(studyIds);
  }

  // ---- demo, notifications, shutdown ---------------------------------------------------------

  /** Creates (or continues) the demo study and opens it; the trials arrive live. */
  public void runDemo() {
    demo.start();
  }

  /** Stops a running demo after its current trial. */
  public void stopDemo() {
    demo.stop();
  }

  void showNotification(String message) {
    notification.set(message);
  }

  public void dismissNotification() {
    notification.set("");
  }

  public void showAbout() {
    context.dialogs().showInformation("About TuneLab", baseTitle() + "\n\n"
        + "Hyperparameter optimization with an Optuna-compatible trial store.\n"
        + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version", "?"));
  }

  /** Stops the demo and closes the database; called when the window closes. Does not block. */
  public void shutdown() {
    demo.stop();
    closeDatabase();
  }

  // ---- properties ----------------------------------------------------------------------------

  AppContext context() {
    return context;
  }

  public ReadOnlyObjectProperty<DatabaseLocation> databaseProperty() {
    return database.getReadOnlyProperty();
  }

  public ObservableList<StudySummary> studies() {
    return studiesView;
  }

  public ReadOnlyLongProperty selectedStudyIdProperty() {
    return selectedStudyId.getReadOnlyProperty();
  }

  public StudyViewModel study() {
    return study;
  }

  public ObservableList<Path> recentFiles() {
    return recentFilesView;
  }

  public ReadOnlyObjectProperty<LiveState> liveProperty() {
    return live.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Why the last reading failed; empty while all is well. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** A message for the dismissible banner; empty when none is shown. */
  public ReadOnlyStringProperty notificationProperty() {
    return notification.getReadOnlyProperty();
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public DemoController demo() {
    return demo;
  }
}
