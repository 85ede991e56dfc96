package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.tunelab.app.DialogService;
import org.tunelab.app.TaskExecutor;
import org.tunelab.app.design.space.SpaceEditorViewModel;
import org.tunelab.run.ssh.SshOptions;
import org.tunelab.space.SearchSpace;
import org.tunelab.spec.StudySpec;
import org.tunelab.trial.StudyDirection;

/**
 * The study designer's state: every form field as a property, the embedded search-space editor, and
 * what follows from them on each edit: the problems (with the spec reader's own rules, see
 * {@link SpecAssembler}), the spec, its YAML, the command preview and the metric test. Undo is by
 * snapshots of the whole form ({@link FormHistory}); the space editor keeps its own undo. File
 * operations are in {@link DesignerFiles}. Called on the UI thread only; never touches a node.
 */
public final class StudyDesignerViewModel {
  private final TaskExecutor executor;
  private final DialogService dialogs;
  private final SpaceEditorViewModel spaceEditor = new SpaceEditorViewModel();
  private final Map<DesignField, StringProperty> fields = new EnumMap<>(DesignField.class);
  private final ObjectProperty<List<StudyDirection>> directions = new SimpleObjectProperty<>(List.of());
  private final ObjectProperty<Map<String, String>> samplerSettings = new SimpleObjectProperty<>(Map.of());
  private final ObjectProperty<Map<String, String>> prunerSettings = new SimpleObjectProperty<>(Map.of());
  private final ObservableList<SshHostForm> hosts = FXCollections.observableArrayList();
  private final ObservableList<FieldProblem> problems = FXCollections.observableArrayList();
  // one wrapper for everyone: a wrapper made per call is garbage, and with it the listeners added to it
  private final ObservableList<FieldProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyObjectWrapper<StudySpec> spec = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper previewCommand = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper previewEnv = new ReadOnlyStringWrapper("");
  private final LongProperty previewSeed = new SimpleLongProperty(1);
  private final StringProperty metricTestLine = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper metricTestResult = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ObservableList<String> hostReport = FXCollections.observableArrayList();
  private final BooleanProperty hostCheckRunning = new SimpleBooleanProperty();
  private final FormHistory history = new FormHistory();
  private final DesignerFiles files;
  private DesignForm lastForm;
  private boolean restoring;
  private StudySpec base;
  private String lastValidYaml = "";
  private SshOptions sshOptions = SshOptions.defaults();

  public StudyDesignerViewModel(TaskExecutor executor, DialogService dialogs) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    for (DesignField f : DesignField.values()) {
      StringProperty p = new SimpleStringProperty("");
      fields.put(f, p);
      p.addListener((o, a, b) -> edited(f.name()));
    }
    directions.addListener((o, a, b) -> edited("directions"));
    samplerSettings.addListener((o, a, b) -> edited("sampler"));
    prunerSettings.addListener((o, a, b) -> edited("pruner"));
    hosts.addListener((ListChangeListener<SshHostForm>) c -> edited(null));
    spaceEditor.spaceProperty().addListener((o, a, b) -> revalidate());
    previewSeed.addListener((o, a, b) -> revalidate());
    metricTestLine.addListener((o, a, b) -> testMetric());
    files = new DesignerFiles(this, executor, dialogs);
    apply(DesignForm.empty());
    lastForm = snapshot();
    revalidate();
    files.markSaved();
  }

  // ---- the forms

  public StringProperty field(DesignField f) {
    return fields.get(f);
  }

  public ObjectProperty<List<StudyDirection>> directionsProperty() {
    return directions;
  }

  /** The sampler settings as typed, by spec key; replace the whole map to edit (one undo step). */
  public ObjectProperty<Map<String, String>> samplerSettingsProperty() {
    return samplerSettings;
  }

  public ObjectProperty<Map<String, String>> prunerSettingsProperty() {
    return prunerSettings;
  }

  /** Sets one sampler setting; blank text restores its default. */
  public void setSamplerSetting(String key, String text) {
    samplerSettings.set(with(samplerSettings.get(), key, text));
  }

  public void setPrunerSetting(String key, String text) {
    prunerSettings.set(with(prunerSettings.get(), key, text));
  }

  private static Map<String, String> with(Map<String, String> map, String key, String text) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(map);
    if (text == null || text.isBlank()) copy.remove(key);
    else copy.put(key, text);
    return Map.copyOf(copy);
  }

  public ObservableList<SshHostForm> hosts() {
    return hosts;
  }

  public SpaceEditorViewModel spaceEditor() {
    return spaceEditor;
  }

  // ---- what follows from the forms

  public ObservableList<FieldProblem> problems() {
    return problemsView;
  }

  /** The problems of one section: those whose field starts with one of {@code prefixes}. */
  public List<FieldProblem> problemsOf(String... prefixes) {
    return problems.stream().filter(p -> java.util.Arrays.stream(prefixes).anyMatch(p.field()::startsWith)).toList();
  }

  /** The spec the forms describe, or {@code null} while there are problems. */
  public ReadOnlyObjectProperty<StudySpec> specProperty() {
    return spec.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** The spec file as it would be saved; while invalid, the problems as comments. */
  public ReadOnlyStringProperty yamlProperty() {
    return yaml.getReadOnlyProperty();
  }

  /** The first trial's command line, quoted as a shell would need it, or why there is none. */
  public ReadOnlyStringProperty previewCommandProperty() {
    return previewCommand.getReadOnlyProperty();
  }

  /** The variables the first trial gets, one {@code NAME=value} per line. */
  public ReadOnlyStringProperty previewEnvProperty() {
    return previewEnv.getReadOnlyProperty();
  }

  /** Seeds the preview's parameter draw; change it to see another sample trial. */
  public LongProperty previewSeedProperty() {
    return previewSeed;
  }

  /** A line of program output to test the metric patterns on. */
  public StringProperty metricTestLineProperty() {
    return metricTestLine;
  }

  public ReadOnlyStringProperty metricTestResultProperty() {
    return metricTestResult.getReadOnlyProperty();
  }

  // ---- undo

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  public void undo() {
    if (history.canUndo()) restore(history.undo(snapshot()));
  }

  public void redo() {
    if (history.canRedo()) restore(history.redo(snapshot()));
  }

  /** Ends a run of typing in one field (the view calls it when a field loses focus). */
  public void sealEdit() {
    history.seal();
  }

  // ---- files and running

  public DesignerFiles files() {
    return files;
  }

  /** Called with the saved spec file when the user presses Run. */
  public void setOnRun(Consumer<Path> handler) {
    files.setOnRun(handler);
  }

  // ---- SSH hosts

  /** The report of the last "test connection", one line per check. */
  public ObservableList<String> hostReport() {
    return hostReport;
  }

  public BooleanProperty hostCheckRunningProperty() {
    return hostCheckRunning;
  }

  /** For tests: short timeouts. */
  public void setSshOptions(SshOptions options) {
    this.sshOptions = Objects.requireNonNull(options, "options");
  }

  /** Runs {@code tunelab hosts check}'s checks on {@code host} in the background; the report lands in {@link #hostReport()}. */
  public void testConnection(SshHostForm host) {
    hostCheckRunning.set(true);
    hostReport.setAll("Connecting to " + host.label() + " …");
    Path file = files.fileProperty().get();
    StudySpec current = spec.get();
    Path code = current != null && current.objective() instanceof org.tunelab.spec.ObjectiveSpec.Command c
        ? org.tunelab.spec.SpecFactory.workdir(current, c) : null;
    SshOptions options = sshOptions;
    executor.execute(() -> {
      List<String> lines;
      try {
        lines = HostChecker.check(host, file, code, options);
      } catch (RuntimeException e) {
        lines = List.of("  FAIL  check      " + e.getMessage());
      }
      List<String> report = lines;
      executor.runOnUi(() -> {
        hostReport.setAll(report);
        hostCheckRunning.set(false);
      });
    });
  }

  // ---- loading and snapshots (used by DesignerFiles)

  /** Shows {@code spec} in the forms; {@code null} for a new study. Clears the undo history. */
  void load(StudySpec opened, DesignForm form, SearchSpace space) {
    base = opened;
    restoring = true;
    try {
      apply(form);
      spaceEditor.load(space);
    } finally {
      restoring = false;
    }
    history.clear();
    lastForm = snapshot();
    updateUndo();
    revalidate();
  }

  DesignForm snapshot() {
    return new DesignForm(text(DesignField.NAME), text(DesignField.STORAGE), directions.get(),
        text(DesignField.OBJECTIVE_KIND), text(DesignField.BUILTIN), text(DesignField.COMMAND), text(DesignField.WORKDIR),
        text(DesignField.ENV), text(DesignField.METRIC_REGEX), text(DesignField.METRIC_STEP),
        text(DesignField.TRIAL_TIMEOUT), text(DesignField.SAMPLER_TYPE), samplerSettings.get(),
        text(DesignField.PRUNER_TYPE), prunerSettings.get(), text(DesignField.LOCAL_SLOTS), text(DesignField.GPUS),
        List.copyOf(hosts), text(DesignField.TRIALS), text(DesignField.TIMEOUT), text(DesignField.WORKERS));
  }

  private String text(DesignField f) {
    String v = fields.get(f).get();
    return v == null ? "" : v;
  }

  private void apply(DesignForm f) {
    boolean was = restoring;
    restoring = true;
    try {
      set(DesignField.NAME, f.name());
      set(DesignField.STORAGE, f.storage());
      directions.set(f.directions());
      set(DesignField.OBJECTIVE_KIND, f.objectiveKind());
      set(DesignField.BUILTIN, f.builtin());
      set(DesignField.COMMAND, f.command());
      set(DesignField.WORKDIR, f.workdir());
      set(DesignField.ENV, f.env());
      set(DesignField.METRIC_REGEX, f.metricRegex());
      set(DesignField.METRIC_STEP, f.metricStep());
      set(DesignField.TRIAL_TIMEOUT, f.trialTimeout());
      set(DesignField.SAMPLER_TYPE, f.samplerType());
      samplerSettings.set(f.samplerSettings());
      set(DesignField.PRUNER_TYPE, f.prunerType());
      prunerSettings.set(f.prunerSettings());
      set(DesignField.LOCAL_SLOTS, f.localSlots());
      set(DesignField.GPUS, f.gpus());
      hosts.setAll(f.hosts());
      set(DesignField.TRIALS, f.trials());
      set(DesignField.TIMEOUT, f.timeout());
      set(DesignField.WORKERS, f.workers());
    } finally {
      restoring = was;
    }
  }

  private void set(DesignField f, String value) {
    fields.get(f).set(value);
  }

  private void restore(DesignForm form) {
    apply(form);
    lastForm = snapshot();
    updateUndo();
    revalidate();
  }

  private void edited(String field) {
    if (restoring) return;
    history.edited(lastForm, field);
    lastForm = snapshot();
    updateUndo();
    revalidate();
  }

  private void updateUndo() {
    canUndo.set(history.canUndo());
    canRedo.set(history.canRedo());
    files.updateDirty();
  }

  StudySpec base() {
    return base;
  }

  /** Reads the forms again: problems, spec, YAML, preview, metric test. */
  void revalidate() {
    if (restoring || files == null) return;
    SpecAssembler.Assembly a = SpecAssembler.assemble(snapshot(), spaceEditor.spaceProperty().get(), base,
        files.fileProperty().get());
    problems.setAll(a.problems());
    spec.set(a.spec());
    valid.set(a.spec() != null);
    yaml.set(DesignerText.yaml(a, lastValidYaml));
    if (a.spec() != null) lastValidYaml = yaml.get();
    String[] preview = DesignerText.preview(snapshot(), spaceEditor.spaceProperty().get(), a.spec(),
        files.fileProperty().get(), previewSeed.get());
    previewCommand.set(preview[0]);
    previewEnv.set(preview[1]);
    testMetric();
    files.updateDirty();
  }

  private void testMetric() {
    metricTestResult.set(MetricTester.test(text(DesignField.METRIC_REGEX), text(DesignField.METRIC_STEP),
        metricTestLine.get()));
  }

  DialogService dialogs() {
    return dialogs;
  }
}
