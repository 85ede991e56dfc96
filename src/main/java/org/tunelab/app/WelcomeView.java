package org.tunelab.app;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the window shows while no database is open: the ways to start (open a database, design a new
 * study, run the demo), the recent files, and a hint that files can be dropped onto the window.
 */
public final class WelcomeView extends VBox {
  private final MainViewModel viewModel;
  private final VBox recentBox = new VBox(2);

  public WelcomeView(MainViewModel viewModel) {
    this(viewModel, null);
  }

  /** @param newStudy opens the study designer, or {@code null} to offer no "New study" button */
  public WelcomeView(MainViewModel viewModel, Runnable newStudy) {
    this.viewModel = viewModel;
    setId("welcome");
    getStyleClass().add("welcome");
    setAlignment(Pos.CENTER);
    setSpacing(18);

    Label title = new Label("Welcome to TuneLab");
    title.getStyleClass().add("welcome-title");
    Label subtitle = new Label("Design, run and explore hyperparameter studies, stored in Optuna's database format.");
    subtitle.getStyleClass().add("welcome-subtitle");
    subtitle.setWrapText(true);

    Button open = new Button("Open a database…");
    open.setId("welcomeOpen");
    open.getStyleClass().add("welcome-action");
    open.setDefaultButton(true);
    open.setOnAction(e -> viewModel.openWithChooser());
    Button demo = new Button("Run the demo study");
    demo.setId("welcomeDemo");
    demo.getStyleClass().add("welcome-action");
    demo.setOnAction(e -> viewModel.runDemo());
    HBox actions = new HBox(12, open);
    if (newStudy != null) {
      Button design = new Button("New study…");
      design.setId("welcomeNewStudy");
      design.getStyleClass().add("welcome-action");
      design.setOnAction(e -> newStudy.run());
      actions.getChildren().add(design);
    }
    actions.getChildren().add(demo);
    actions.setAlignment(Pos.CENTER);

    Label demoHint = new Label("The demo minimizes the Branin function with random search and plots it live.");
    demoHint.getStyleClass().add("welcome-hint");
    Label dropHint = new Label("You can also drop a .db file onto this window.");
    dropHint.getStyleClass().add("welcome-hint");

    recentBox.setAlignment(Pos.CENTER);
    recentBox.getStyleClass().add("welcome-recent");
    viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> showRecent());
    showRecent();

    getChildren().addAll(title, subtitle, actions, demoHint, dropHint, recentBox);
  }

  private void showRecent() {
    recentBox.getChildren().clear();
    if (viewModel.recentFiles().isEmpty()) return;
    Label heading = new Label("Recent databases");
    heading.getStyleClass().add("welcome-section");
    recentBox.getChildren().add(heading);
    for (Path p : viewModel.recentFiles()) {
      Hyperlink link = new Hyperlink(String.valueOf(p.getFileName()) + "  —  " + p.getParent());
      link.setOnAction(e -> viewModel.openRecent(p));
      recentBox.getChildren().add(link);
    }
  }
}
