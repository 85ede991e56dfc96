package org.tunelab.app.design.space;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/** The search-space editor's controls, bound to a {@link SpaceEditorViewModel} (skeleton). */
public final class SpaceEditorView {
  private final SpaceEditorViewModel model;
  private final BorderPane root = new BorderPane();

  public SpaceEditorView(SpaceEditorViewModel model) {
    this.model = model;
  }

  /** The editor's root node, to place in a window or tab. */
  public Node node() {
    return root;
  }
}
