package org.tunelab.app.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tunelab.app.DialogService;
import org.tunelab.app.TaskExecutor;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecReader;
import org.tunelab.spec.SpecWriter;
import org.tunelab.spec.StudySpec;

/**
 * The designer's file side: new, open, save, save as, and Run (save, then hand the file to the run
 * handler). Files are read and written on the background executor; the forms change on the UI
 * thread. A file that does not read is shown with every problem and its line.
 */
public final class DesignerFiles {
  private static final List<String> EXTENSIONS = List.of("yaml", "yml");
  private final StudyDesignerViewModel vm;
  private final TaskExecutor executor;
  private final DialogService dialogs;
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Study designer");
  private DesignForm savedForm;
  private SearchSpace savedSpace;
  private Consumer<Path> onRun = f -> {};
  private java.util.function.BooleanSupplier discardOk = () -> true;

  DesignerFiles(StudyDesignerViewModel vm, TaskExecutor executor, DialogService dialogs) {
    this.vm = vm;
    this.executor = executor;
    this.dialogs = dialogs;
  }

  /** The spec file being edited, or {@code null} until it is saved. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** Whether the forms or the space differ from the file. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** "Study designer — study.yaml *". */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  void setOnRun(Consumer<Path> handler) {
    onRun = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Asked before unsaved changes are replaced (new study, open); answers whether to go on. The
   * window asks the user; without a guard changes are replaced.
   */
  public void setDiscardGuard(java.util.function.BooleanSupplier guard) {
    discardOk = Objects.requireNonNull(guard, "guard");
  }

  /** Whether unsaved changes may go: there are none, or the guard says yes. */
  public boolean mayDiscard() {
    return !dirty.get() || discardOk.getAsBoolean();
  }

  /** Starts an empty study. */
  public void newStudy() {
    start(DesignForm.empty(), SearchSpace.of());
  }

  /** Starts a study from a template: its objective and space, the rest of a new study. */
  public void newFromTemplate(StudyTemplate template) {
    start(template.form(), template.space());
  }

  /** Starts a study over the parameters of an existing one ({@code space} derived from its trials). */
  public void newFromSpace(String studyName, SearchSpace space) {
    DesignForm f = DesignForm.empty();
    start(new DesignForm(studyName + "-2", f.storage(), f.directions(), f.objectiveKind(), f.builtin(), f.command(),
        f.workdir(), f.env(), f.metricRegex(), f.metricStep(), f.trialTimeout(), f.samplerType(), f.samplerSettings(),
        f.prunerType(), f.prunerSettings(), f.localSlots(), f.gpus(), f.hosts(), f.trials(), f.timeout(), f.workers()),
        space);
  }

  private void start(DesignForm form, SearchSpace space) {
    if (!mayDiscard()) return;
    file.set(null);
    vm.load(null, form, space);
    markSaved();
  }

  /** Asks for a spec file and opens it. */
  public void openWithChooser() {
    if (!mayDiscard()) return;
    dialogs.showOpenFileDialog("Open study spec", EXTENSIONS).ifPresent(this::open);
  }

  /** Reads {@code path} in the background and shows it; a broken file is reported with its lines. */
  public void open(Path path) {
    executor.execute(() -> {
      try {
        StudySpec spec = SpecReader.read(path);
        executor.runOnUi(() -> {
          if (!mayDiscard()) return;
          file.set(path);
          vm.load(spec, DesignForms.fromSpec(spec), spec.space());
          markSaved();
        });
      } catch (SpecException e) {
        executor.runOnUi(() -> dialogs.showError("Cannot open " + path.getFileName(), e.getMessage(), null));
      }
    });
  }

  /** Saves to the current file, or asks where first. Does nothing while the spec has problems. */
  public void save() {
    save(null);
  }

  public void saveAs() {
    askWhere().ifPresent(p -> write(p, null));
  }

  /** Saves (asking where if never saved), then calls the run handler with the file. */
  public void run() {
    save(onRun);
  }

  private void save(Consumer<Path> then) {
    if (vm.specProperty().get() == null) {
      dialogs.showError("The spec has problems", String.join("\n", vm.problems().stream().map(FieldProblem::toString).toList()), null);
      return;
    }
    Path target = file.get();
    if (target == null) target = askWhere().orElse(null);
    if (target != null) write(target, then);
  }

  private java.util.Optional<Path> askWhere() {
    String name = vm.field(DesignField.NAME).get();
    return dialogs.showSaveDialog("Save study spec", (name == null || name.isBlank() ? "study" : name.strip()) + ".yaml",
        EXTENSIONS);
  }

  private void write(Path target, Consumer<Path> then) {
    StudySpec spec = vm.specProperty().get();
    if (spec == null) return;
    String text = SpecWriter.write(spec.withSource(target));
    DesignForm form = vm.snapshot();
    SearchSpace space = spec.space();
    executor.execute(() -> {
      try {
        java.nio.file.Files.writeString(target, text);
        executor.runOnUi(() -> {
          file.set(target);
          savedForm = form;
          savedSpace = space;
          vm.revalidate();
          if (then != null) then.accept(target);
        });
      } catch (IOException e) {
        executor.runOnUi(() -> dialogs.showError("Cannot save the spec", target + ": " + e.getMessage(), e));
      }
    });
  }

  void markSaved() {
    savedForm = vm.snapshot();
    savedSpace = vm.spaceEditor().spaceProperty().get();
    updateDirty();
  }

  void updateDirty() {
    boolean changed = savedForm != null && (!savedForm.equals(vm.snapshot())
        || !Objects.equals(savedSpace, vm.spaceEditor().spaceProperty().get()));
    dirty.set(changed);
    Path f = file.get();
    title.set("Study designer — " + (f == null ? "unsaved study" : f.getFileName().toString()) + (changed ? " *" : ""));
  }
}
