package org.tunelab.app.design;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.tunelab.app.FxTaskExecutor;
import org.tunelab.app.Theme;

/**
 * Draws the designer for {@code assets/designer.png}: the training-script template, the objective
 * tab with its preview and a tested metric line, and the YAML beside it. Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp ... org.tunelab.app.design.DesignerScreenshot out.png [tab] [dark]}.
 */
public final class DesignerScreenshot {
  private DesignerScreenshot() {}

  public static void main(String[] args) {
    Application.launch(Shot.class, args);
  }

  /** The application; separate from {@code main} so the launcher does not ask for JavaFX modules. */
  public static final class Shot extends Application {
  @Override
  public void start(Stage stage) {
    var args = getParameters().getRaw();
    Theme theme = args.size() > 2 && args.get(2).equals("dark") ? Theme.DARK : Theme.LIGHT;
    boolean startDialog = args.size() > 1 && args.get(1).equals("start");
    int tab = args.size() > 1 && !startDialog ? Integer.parseInt(args.get(1)) : 1;
    StudyDesignerWindow w = new StudyDesignerWindow(stage, new FxTaskExecutor(), new AnsweringDialogs(),
        new SimpleObjectProperty<>(theme), Optional.empty(), "");
    StudyDesignerViewModel vm = w.viewModel();
    vm.files().newFromTemplate(StudyTemplate.all().get(1));
    vm.hosts().add(new SshHostForm("gpu1.lab", "", "alice", "", "", "~/runs", "source ~/venv/bin/activate", "4",
        "0, 1, 2, 3", "bastion", Map.of()));
    vm.field(DesignField.LOCAL_SLOTS).set("2");
    vm.hostReport().setAll("host alice@gpu1.lab", "  ok    reachable  gpu1.lab:22 via bastion, connected and logged in in 412 ms",
        "  ok    host key   matches ~/.ssh/known_hosts", "  ok    auth       user alice",
        "  ok    workdir    /home/alice/runs (writable)", "the host works");
    vm.metricTestLineProperty().set("epoch=3 loss=0.41 val_acc=0.873");
    w.view().tabs().getSelectionModel().select(tab);
    w.view().showYamlToggle().setSelected(true);
    stage.setWidth(1400);
    stage.setHeight(900);
    w.show();
    PauseTransition wait = new PauseTransition(Duration.seconds(2));
    wait.setOnFinished(e -> {
      try {
        javafx.scene.Scene scene = stage.getScene();
        for (javafx.stage.Window other : javafx.stage.Window.getWindows()) if (other != stage) scene = other.getScene();
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(args.get(0)));
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
      Platform.exit();
      System.exit(0);
    });
    wait.play();
    if (startDialog) Platform.runLater(w::askStart);
  }

  }
}
