package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;

/**
 * The search-space editor's state: an ordered list of parameter drafts, what is wrong with them (per
 * field, and as sentences), the resulting {@link SearchSpace}, the selected row with a preview of its
 * prior, and an undo history in which every edit is one described command. Keystrokes in one field
 * merge into one entry until {@link #sealEdit()}; {@link #batch} makes several edits one entry. Never
 * touches a {@code Node}; used on the UI thread only.
 *
 * <pre>{@code
 * SpaceEditorViewModel model = new SpaceEditorViewModel();
 * model.load(SpaceTemplate.NEURAL_NETWORK.space());
 * model.setText(0, ParamField.LOW, "0");      // lr is log-scaled: an error at "low"
 * model.undo();                               // back to a valid space
 * SearchSpace space = model.spaceProperty().get();
 * }</pre>
 */
public final class SpaceEditorViewModel {
  static final int PREVIEW_SAMPLES = 2000;
  static final long PREVIEW_SEED = 0;
  static final int PREVIEW_RANGES = 30;

  private final ObservableList<ParamDraft> rows = FXCollections.observableArrayList();
  private final ObservableList<ParamDraft> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<SpaceValidation> validation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SearchSpace> space = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
  private final ObservableList<String> errors = FXCollections.observableArrayList();
  private final ObservableList<String> readOnlyErrors = FXCollections.unmodifiableObservableList(errors);
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("Undo");
  private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper("Redo");
  private final ReadOnlyObjectWrapper<PriorHistogram> preview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper("");
  private final EditHistory history = new EditHistory();
  private long nextId = 1;
  private int batchDepth;
  private List<ParamDraft> batchBefore;
  private int batchSelectedBefore;
  private Param previewed;

  /** An empty editor: no parameters, nothing to undo. */
  public SpaceEditorViewModel() {
    selectedIndex.addListener((obs, old, now) -> updatePreview());
    revalidate();
  }

  // ---- starting points -------------------------------------------------------------------------

  /** Replaces every parameter with those of {@code space}; one undo entry. */
  public void load(SearchSpace space) {
    load(space, "replace the search space");
  }

  /** Replaces every parameter with those of {@code space}; one undo entry with this description. */
  public void load(SearchSpace space, String description) {
    Objects.requireNonNull(space, "space");
    List<ParamDraft> after = new ArrayList<>();
    for (Param p : space.params()) after.add(ParamDrafts.of(nextId++, p));
    apply(description, null, after, after.isEmpty() ? -1 : 0);
  }

  // ---- results ---------------------------------------------------------------------------------

  /** The current space, or {@code null} while any error remains. */
  public ReadOnlyObjectProperty<SearchSpace> spaceProperty() {
    return space.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** Every error as a sentence naming the parameter and the field, in row order. Read-only. */
  public ObservableList<String> errors() {
    return readOnlyErrors;
  }

  /** Everything the validator found, replaced after each edit. */
  public ReadOnlyObjectProperty<SpaceValidation> validationProperty() {
    return validation.getReadOnlyProperty();
  }

  /** The error of one field of the row at {@code index}, or {@code null}. */
  public String fieldError(int index, ParamField field) {
    if (index < 0 || index >= rows.size()) return null;
    return validation.get().error(rows.get(index).id(), field);
  }

  /** The parameter drafts in order. Read-only: change them through the edit methods. */
  public ObservableList<ParamDraft> rows() {
    return readOnlyRows;
  }

  // ---- selection and preview -------------------------------------------------------------------

  /** The selected row, or -1. Selecting is not an edit and is not undone. */
  public IntegerProperty selectedIndexProperty() {
    return selectedIndex;
  }

  /** The selected draft, or {@code null}. */
  public ParamDraft selected() {
    int i = selectedIndex.get();
    return i >= 0 && i < rows.size() ? rows.get(i) : null;
  }

  /** Prior samples of the selected parameter on its own scale, or {@code null} (see the message). */
  public ReadOnlyObjectProperty<PriorHistogram> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** Why there is no preview, or an empty string when there is one. */
  public ReadOnlyStringProperty previewMessageProperty() {
    return previewMessage.getReadOnlyProperty();
  }

  // ---- edits -----------------------------------------------------------------------------------

  /** Adds a float parameter after the selected row (or at the end) and selects it. */
  public void add() {
    List<ParamDraft> after = new ArrayList<>(rows);
    int at = selectedIndex.get() < 0 ? after.size() : selectedIndex.get() + 1;
    ParamDraft draft = ParamDraft.newFloat(nextId++, uniqueName("param", 1));
    after.add(at, draft);
    apply("add " + draft.name(), null, after, at);
  }

  /** Removes the row; parameters that depended on it keep their condition and show why it is wrong. */
  public void remove(int index) {
    if (!inRange(index)) return;
    List<ParamDraft> after = new ArrayList<>(rows);
    ParamDraft removed = after.remove(index);
    apply("remove " + removed.name(), null, after, Math.min(index, after.size() - 1));
  }

  /** Inserts a copy of the row below it, under a new name, and selects the copy. */
  public void duplicate(int index) {
    if (!inRange(index)) return;
    ParamDraft source = rows.get(index);
    ParamDraft copy = source.withId(nextId++, uniqueName(source.name() + "_copy", 2));
    List<ParamDraft> after = new ArrayList<>(rows);
    after.add(index + 1, copy);
    apply("copy " + source.name(), null, after, index + 1);
  }

  public void moveUp(int index) {
    move(index, -1, "up");
  }

  public void moveDown(int index) {
    move(index, 1, "down");
  }

  private void move(int index, int by, String way) {
    int to = index + by;
    if (!inRange(index) || !inRange(to)) return;
    List<ParamDraft> after = new ArrayList<>(rows);
    ParamDraft moved = after.remove(index);
    after.add(to, moved);
    apply("move " + moved.name() + " " + way, null, after, to);
  }

  /**
   * Sets a text field of the row. Successive calls for the same field of the same row merge into one
   * undo entry until {@link #sealEdit()}. Renaming a parameter renames it in the conditions of the
   * parameters that depend on it, in the same entry.
   */
  public void setText(int index, ParamField field, String text) {
    if (!inRange(index)) return;
    if (field == ParamField.TYPE || field == ParamField.LOG) {
      throw new IllegalArgumentException(field.label() + " is set with setType or setLog");
    }
    ParamDraft old = rows.get(index);
    if (old.text(field).equals(text)) return;
    List<ParamDraft> after = new ArrayList<>(rows);
    after.set(index, old.with(field, text));
    String key = field == ParamField.CONDITION_PARENT ? null : old.id() + ":" + field;
    String description;
    if (field == ParamField.NAME) {
      renameDependents(after, old.name(), text);
      SpaceEdit merging = history.mergeCandidate(key);
      String first = merging == null ? old.name() : nameIn(merging.before(), old.id(), old.name());
      description = "rename " + first + " to " + text;
    } else {
      description = "change " + field.label() + " of " + old.name();
    }
    apply(description, key, after, index);
  }

  /** Changes the type; ranges that only held whole numbers become int ranges, empty ranges get defaults. */
  public void setType(int index, ParamType type) {
    if (!inRange(index) || rows.get(index).type() == type) return;
    ParamDraft d = ParamDrafts.retype(rows.get(index), type);
    List<ParamDraft> after = new ArrayList<>(rows);
    after.set(index, d);
    apply("change type of " + d.name() + " to " + type.label(), null, after, index);
  }

  public void setLog(int index, boolean log) {
    if (!inRange(index) || rows.get(index).log() == log) return;
    List<ParamDraft> after = new ArrayList<>(rows);
    ParamDraft d = rows.get(index).with(ParamField.LOG, String.valueOf(log));
    after.set(index, d);
    apply((log ? "turn on log scale of " : "turn off log scale of ") + d.name(), null, after, index);
  }

  /** Sets both parts of the condition as one entry; an empty parent makes the parameter unconditional. */
  public void setCondition(int index, String parent, String values) {
    if (!inRange(index)) return;
    ParamDraft old = rows.get(index);
    ParamDraft d = old.with(ParamField.CONDITION_PARENT, parent).with(ParamField.CONDITION_VALUES, values);
    if (d.equals(old)) return;
    List<ParamDraft> after = new ArrayList<>(rows);
    after.set(index, d);
    apply((parent.isBlank() ? "remove condition of " : "set condition of ") + old.name(), null, after, index);
  }

  /** Runs {@code edits} as one undo entry described by {@code description}; batches nest. */
  public void batch(String description, Runnable edits) {
    if (batchDepth++ == 0) {
      batchBefore = List.copyOf(rows);
      batchSelectedBefore = selectedIndex.get();
    }
    try {
      edits.run();
    } finally {
      if (--batchDepth == 0 && !batchBefore.equals(rows)) {
        history.push(new SpaceEdit(description, batchBefore, batchSelectedBefore, rows, selectedIndex.get(), null),
            description);
        updateHistory();
      }
    }
  }

  /** Ends keystroke merging: the next edit starts a new undo entry (the view calls it when a field loses focus). */
  public void sealEdit() {
    history.seal();
  }

  // ---- undo ------------------------------------------------------------------------------------

  public void undo() {
    if (batchDepth > 0) throw new IllegalStateException("cannot undo inside a batch");
    SpaceEdit e = history.undo();
    if (e != null) show(e.before(), e.selectedBefore());
    updateHistory();
  }

  public void redo() {
    if (batchDepth > 0) throw new IllegalStateException("cannot redo inside a batch");
    SpaceEdit e = history.redo();
    if (e != null) show(e.after(), e.selectedAfter());
    updateHistory();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** "Undo change low of lr", or "Undo" when there is nothing to undo. */
  public ReadOnlyStringProperty undoDescriptionProperty() {
    return undoDescription.getReadOnlyProperty();
  }

  /** "Redo change low of lr", or "Redo" when there is nothing to redo. */
  public ReadOnlyStringProperty redoDescriptionProperty() {
    return redoDescription.getReadOnlyProperty();
  }

  // ---- condition picker ------------------------------------------------------------------------

  /** Names of the rows above {@code index} a condition can name: categorical and int parameters. */
  public List<String> conditionParents(int index) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(index, rows.size()); i++) {
      ParamDraft d = rows.get(i);
      if (d.type() != ParamType.FLOAT && !d.name().isBlank() && !names.contains(d.name())) names.add(d.name());
    }
    return names;
  }

  /** The values a condition on {@code parent} can list, as text, or empty when it is unknown or wrong. */
  public List<String> conditionValues(String parent) {
    SpaceValidation v = validation.get();
    for (ParamDraft d : rows) {
      if (!d.name().equals(parent)) continue;
      Param p = v.params().get(d.id());
      if (p == null) return List.of();
      List<String> values = new ArrayList<>();
      if (p.distribution() instanceof org.tunelab.space.CategoricalDistribution c) {
        for (Object choice : c.choices()) values.add(ChoiceText.format(choice));
      } else if (p.distribution() instanceof org.tunelab.space.IntDistribution i
          && i.size() <= PriorHistogram.MAX_VALUE_BARS) {
        for (long x = i.low(); x <= i.high(); x += i.step()) values.add(String.valueOf(x));
      }
      return values;
    }
    return List.of();
  }

  // ---- internals -------------------------------------------------------------------------------

  /** Shows {@code after} and records it as one edit (or as part of the open batch). */
  private void apply(String description, String mergeKey, List<ParamDraft> after, int selectedAfter) {
    List<ParamDraft> before = List.copyOf(rows);
    int selectedBefore = selectedIndex.get();
    if (before.equals(after)) return;
    show(after, selectedAfter);
    if (batchDepth > 0) return;
    history.push(new SpaceEdit(description, before, selectedBefore, after, selectedAfter, mergeKey), description);
    updateHistory();
  }

  private void show(List<ParamDraft> drafts, int selected) {
    if (!rows.equals(drafts)) {
      // replace only what changed so a list view keeps its scroll position and cell focus
      if (rows.size() == drafts.size()) {
        for (int i = 0; i < drafts.size(); i++) {
          if (!rows.get(i).equals(drafts.get(i))) rows.set(i, drafts.get(i));
        }
      } else {
        rows.setAll(drafts);
      }
    }
    revalidate();
    selectedIndex.set(drafts.isEmpty() ? -1 : Math.max(-1, Math.min(selected, drafts.size() - 1)));
    updatePreview();
  }

  private void revalidate() {
    SpaceValidation v = SpaceValidator.validate(rows);
    // the validation last: its listeners read the space, validity and errors
    space.set(v.space());
    valid.set(v.isValid());
    if (!errors.equals(v.messages())) errors.setAll(v.messages());
    validation.set(v);
  }

  private void updateHistory() {
    SpaceEdit u = history.peekUndo();
    SpaceEdit r = history.peekRedo();
    canUndo.set(u != null);
    canRedo.set(r != null);
    undoDescription.set(u == null ? "Undo" : "Undo " + u.description());
    redoDescription.set(r == null ? "Redo" : "Redo " + r.description());
  }

  private void updatePreview() {
    ParamDraft d = selected();
    if (d == null) {
      previewed = null;
      preview.set(null);
      previewMessage.set(rows.isEmpty() ? "Add a parameter to see how its values will be sampled"
          : "Select a parameter to see how its values will be sampled");
      return;
    }
    Param p = validation.get().params().get(d.id());
    if (p == null) {
      previewed = null;
      preview.set(null);
      previewMessage.set("Fix the errors of " + (d.name().isBlank() ? "this parameter" : d.name())
          + " to see how its values will be sampled");
      return;
    }
    // 2,000 draws take well under a millisecond; recompute only when the distribution changed
    if (previewed == null || !previewed.distribution().equals(p.distribution()) || preview.get() == null) {
      preview.set(PriorHistogram.of(p.distribution(), PREVIEW_SAMPLES, PREVIEW_SEED, PREVIEW_RANGES));
    }
    previewed = p;
    previewMessage.set("");
  }

  private void renameDependents(List<ParamDraft> drafts, String oldName, String newName) {
    long sameName = drafts.stream().filter(d -> d.name().equals(oldName)).count();
    if (oldName.isBlank() || sameName > 0) return; // another row still answers to the old name
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).conditionParent().equals(oldName)) {
        drafts.set(i, drafts.get(i).with(ParamField.CONDITION_PARENT, newName));
      }
    }
  }

  private static String nameIn(List<ParamDraft> drafts, long id, String fallback) {
    for (ParamDraft d : drafts) if (d.id() == id) return d.name();
    return fallback;
  }

  private String uniqueName(String base, int first) {
    List<String> names = rows.stream().map(ParamDraft::name).toList();
    if (first > 1 && !names.contains(base)) return base;
    for (int n = first; ; n++) {
      if (!names.contains(base + n)) return base + n;
    }
  }

  private boolean inRange(int index) {
    return index >= 0 && index < rows.size();
  }
}
