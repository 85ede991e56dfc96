package org.tunelab.app.design.space;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The prior preview of the selected parameter: a title, the histogram, or why there is none. */
final class PriorPreviewView {
  private final SpaceEditorViewModel model;
  private final Label title = new Label();
  private final Label message = new Label();
  private final HistogramPane histogram = new HistogramPane();
  private final VBox box;

  PriorPreviewView(SpaceEditorViewModel model) {
    this.model = model;
    title.getStyleClass().add("space-preview-title");
    message.getStyleClass().add("space-hint");
    message.setId("space-preview-message");
    histogram.setId("space-histogram");
    VBox.setVgrow(histogram, Priority.ALWAYS);
    box = new VBox(4, title, message, histogram);
    box.getStyleClass().add("space-preview");
    model.previewProperty().addListener((obs, old, now) -> refresh());
    model.previewMessageProperty().addListener((obs, old, now) -> refresh());
    refresh();
  }

  Node node() {
    return box;
  }

  HistogramPane histogram() {
    return histogram;
  }

  void refresh() {
    PriorHistogram h = model.previewProperty().get();
    ParamDraft d = model.selected();
    if (h == null || d == null) {
      title.setText("Prior preview");
    } else {
      title.setText("Prior of " + d.name() + ": " + String.format("%,d", h.samples()) + " random draws"
          + (h.logScale() ? ", log scale" : ""));
    }
    message.setText(model.previewMessageProperty().get());
    message.setVisible(h == null);
    message.setManaged(h == null);
    if (histogram.histogram() != h) histogram.show(h);
  }
}
