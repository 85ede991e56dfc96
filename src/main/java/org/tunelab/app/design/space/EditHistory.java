package org.tunelab.app.design.space;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of the search-space editor. A new edit clears the redo stack. An edit whose
 * merge key equals that of the last entry is folded into it, until {@link #seal()} is called (the view
 * calls it when the user leaves the field), so typing "0.001" is one entry, not five. Not thread-safe:
 * used on the UI thread only.
 */
final class EditHistory {
  private static final int LIMIT = 500;

  private final Deque<SpaceEdit> undo = new ArrayDeque<>();
  private final Deque<SpaceEdit> redo = new ArrayDeque<>();
  private boolean sealed = true;

  /** Records an edit, merged into the last one when both have the same merge key and nothing sealed it. */
  void push(SpaceEdit edit, String mergedDescription) {
    redo.clear();
    SpaceEdit last = undo.peek();
    if (!sealed && last != null && edit.mergeKey() != null && edit.mergeKey().equals(last.mergeKey())) {
      undo.pop();
      undo.push(last.then(edit, mergedDescription));
    } else {
      undo.push(edit);
      if (undo.size() > LIMIT) undo.removeLast();
    }
    sealed = edit.mergeKey() == null;
  }

  /** The edit a keystroke would merge into, or {@code null}. */
  SpaceEdit mergeCandidate(String mergeKey) {
    SpaceEdit last = undo.peek();
    return !sealed && last != null && mergeKey != null && mergeKey.equals(last.mergeKey()) ? last : null;
  }

  /** Ends merging: the next edit starts a new entry. */
  void seal() {
    sealed = true;
  }

  /** The edit to undo, moved to the redo stack, or {@code null}. */
  SpaceEdit undo() {
    sealed = true;
    SpaceEdit e = undo.poll();
    if (e != null) redo.push(e);
    return e;
  }

  /** The edit to redo, moved back to the undo stack, or {@code null}. */
  SpaceEdit redo() {
    sealed = true;
    SpaceEdit e = redo.poll();
    if (e != null) undo.push(e);
    return e;
  }

  SpaceEdit peekUndo() {
    return undo.peek();
  }

  SpaceEdit peekRedo() {
    return redo.peek();
  }
}
