package org.tunelab.app.design.space;

import java.util.List;

/**
 * One entry of the editor's undo history: a described command that takes the parameter list from one
 * state to another. The states are whole snapshots (a space has tens of rows, not thousands), so undo
 * and redo are exact whatever the edit was, and a batch of edits is simply its first {@code before}
 * and its last {@code after}.
 *
 * @param description what the edit did, as a menu shows it after "Undo " ("change low of lr")
 * @param mergeKey edits with the same non-null key in a row merge into one entry (keystrokes in one field)
 * @param selectedBefore the selected row before the edit, restored by undo
 * @param selectedAfter the selected row after the edit, restored by redo
 */
public record SpaceEdit(String description, List<ParamDraft> before, int selectedBefore, List<ParamDraft> after,
    int selectedAfter, String mergeKey) {

  public SpaceEdit {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** This edit followed by {@code next}, as one entry described by {@code description}. */
  SpaceEdit then(SpaceEdit next, String description) {
    return new SpaceEdit(description, before, selectedBefore, next.after, next.selectedAfter, next.mergeKey);
  }
}
