package org.tunelab.app.run;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live output of the selected trial: the tail of its log, following it as it grows (unless
 * follow is off), with a search box that selects the next match (Enter, Shift+Enter for the previous).
 */
public final class OutputPane extends VBox {
  private final TextArea text = new TextArea();
  private final TextField search = new TextField();
  private final Label matches = new Label();
  private List<LogSearch.Match> found = List.of();

  OutputPane(RunPanelViewModel vm) {
    setId("runOutput");
    getStyleClass().add("run-output");
    Label title = new Label();
    title.setId("runOutputTitle");
    title.getStyleClass().add("run-section");
    title.textProperty().bind(vm.outputTitleProperty());
    title.setMaxWidth(Double.MAX_VALUE);
    CheckBox follow = new CheckBox("Follow");
    follow.setId("runFollow");
    follow.selectedProperty().bindBidirectional(vm.followProperty());
    search.setId("runSearch");
    search.setPromptText("Search output");
    HBox.setHgrow(search, Priority.ALWAYS);
    Button prev = new Button("↑");
    prev.setId("runSearchPrev");
    prev.setOnAction(e -> next(true));
    Button next = new Button("↓");
    next.setId("runSearchNext");
    next.setOnAction(e -> next(false));
    matches.setId("runSearchMatches");
    matches.getStyleClass().add("run-muted");
    HBox bar = new HBox(6, follow, search, prev, next, matches);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("run-output-bar");

    text.setId("runOutputText");
    text.setEditable(false);
    text.setWrapText(false);
    text.getStyleClass().add("run-output-text");
    VBox.setVgrow(text, Priority.ALWAYS);
    getChildren().addAll(title, bar, text);

    vm.outputProperty().addListener((o, a, t) -> show(t, vm.followProperty().get()));
    search.textProperty().addListener((o, a, t) -> {
      research();
      next(false);
    });
    search.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        next(e.isShiftDown());
        e.consume();
      }
    });
  }

  private void show(String t, boolean follow) {
    double scroll = text.getScrollTop();
    int caret = text.getCaretPosition();
    text.setText(t);
    research();
    if (follow && search.getText().isEmpty()) {
      text.positionCaret(t.length());
      text.setScrollTop(Double.MAX_VALUE);
    } else {
      text.positionCaret(Math.min(caret, t.length()));
      text.setScrollTop(scroll);
    }
  }

  private void research() {
    found = LogSearch.find(text.getText(), search.getText());
    matches.setText(search.getText().isEmpty() ? "" : found.isEmpty() ? "no match" : found.size() + " matches");
  }

  /** Selects the next (or previous) match after the caret. */
  void next(boolean backwards) {
    if (found.isEmpty()) return;
    int from = backwards ? text.getSelection().getStart() : text.getSelection().getEnd();
    if (text.getSelection().getLength() == 0) from = text.getCaretPosition();
    int i = LogSearch.next(found, backwards ? from : from, backwards);
    if (!backwards && text.getSelection().getLength() > 0 && i >= 0 && found.get(i).start() < from) i = 0;
    LogSearch.Match m = found.get(i);
    text.selectRange(m.start(), m.end());
    matches.setText((i + 1) + " of " + found.size());
  }

  public TextArea text() {
    return text;
  }

  public TextField search() {
    return search;
  }
}
