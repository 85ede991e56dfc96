package org.tunelab.app.design.space;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunelab.space.SearchSpace;

/**
 * The search-space editor's state (skeleton: the public shape the study designer codes against).
 */
public final class SpaceEditorViewModel {
  private final ObservableList<ParamDraft> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<SearchSpace> space = new ReadOnlyObjectWrapper<>(SearchSpace.of());
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
  private final ObservableList<String> errors = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("Undo");
  private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper("Redo");

  public SpaceEditorViewModel() {}

  /** Replaces every parameter with those of {@code space}; one undo entry. */
  public void load(SearchSpace space) {
    this.space.set(space);
  }

  /** The current space, or {@code null} while any error remains. */
  public ReadOnlyObjectProperty<SearchSpace> spaceProperty() {
    return space.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** Every error as a sentence naming the parameter and the field. */
  public ObservableList<String> errors() {
    return FXCollections.unmodifiableObservableList(errors);
  }

  public void undo() {}

  public void redo() {}

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

  public ReadOnlyStringProperty redoDescriptionProperty() {
    return redoDescription.getReadOnlyProperty();
  }

  public ObservableList<ParamDraft> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }
}
