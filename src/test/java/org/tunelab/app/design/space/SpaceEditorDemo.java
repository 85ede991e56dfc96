package org.tunelab.app.design.space;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tunelab.app.Theme;

/**
 * Shows the editor alone, for screenshots: {@code SpaceEditorDemo [light|dark] [error]}. Loads the
 * neural-network template, selects {@code lr}, and with {@code error} types a log-scale low of 0.
 * Test scope only; the app opens the editor from the study designer.
 */
public final class SpaceEditorDemo extends Application {
  /** A main outside the Application subclass, so JavaFX starts from the class path. */
  public static final class Main {
    public static void main(String[] args) {
      Application.launch(SpaceEditorDemo.class, args);
    }
  }

  @Override
  public void start(Stage stage) {
    boolean dark = getParameters().getRaw().contains("dark");
    SpaceEditorViewModel model = new SpaceEditorViewModel();
    model.load(SpaceTemplate.NEURAL_NETWORK.space(), "start from " + SpaceTemplate.NEURAL_NETWORK.title());
    model.setText(3, ParamField.HIGH, "1000");
    model.sealEdit();
    if (getParameters().getRaw().contains("error")) model.setText(0, ParamField.LOW, "0");
    model.selectedIndexProperty().set(0);
    Scene scene = new Scene((Parent) new SpaceEditorView(model, new org.tunelab.app.FxTaskExecutor()).node(), 1400, 900);
    scene.getStylesheets().add((dark ? Theme.DARK : Theme.LIGHT).stylesheet());
    stage.setTitle("TuneLab - search space");
    stage.setScene(scene);
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }
}
