package org.tunelab.app.design;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo for the designer's forms by snapshots: each edit records the whole
 * {@link DesignForm} as it was before. Edits of one field in a row are one step, so undo takes back
 * a typed word, not a letter. A form is a small immutable record, so snapshots are cheap and undo
 * can never leave the forms half restored. The search-space editor keeps its own history.
 */
final class FormHistory {
  private static final int LIMIT = 200;
  private final Deque<DesignForm> undo = new ArrayDeque<>();
  private final Deque<DesignForm> redo = new ArrayDeque<>();
  private String lastField;

  /** Records an edit of {@code field} made to {@code before}. */
  void edited(DesignForm before, String field) {
    redo.clear();
    if (field != null && field.equals(lastField) && !undo.isEmpty()) return;
    undo.push(before);
    if (undo.size() > LIMIT) undo.removeLast();
    lastField = field;
  }

  /** Ends the current run of edits, so the next edit of the same field is a new step. */
  void seal() {
    lastField = null;
  }

  boolean canUndo() {
    return !undo.isEmpty();
  }

  boolean canRedo() {
    return !redo.isEmpty();
  }

  /** The form before the last edit; {@code current} becomes redoable. */
  DesignForm undo(DesignForm current) {
    redo.push(current);
    lastField = null;
    return undo.pop();
  }

  DesignForm redo(DesignForm current) {
    undo.push(current);
    lastField = null;
    return redo.pop();
  }

  void clear() {
    undo.clear();
    redo.clear();
    lastField = null;
  }
}
