package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "New study" on the welcome page opens the study designer, started from the chosen template. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NewStudyGuiTest {
  @TempDir Path dir;
  private final FxTaskExecutor executor = new FxTaskExecutor();
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = GuiTestSupport.showWindow(stage, dir, executor);
  }

  @AfterEach
  void closeWindows(FxRobot robot) {
    robot.interact(() -> List.copyOf(Window.getWindows()).forEach(w -> ((Stage) w).close()));
    executor.shutdown();
  }

  private List<Stage> designers() {
    return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
        && s.getTitle().startsWith("Study designer")).map(w -> (Stage) w).toList();
  }

  @Test
  void theWelcomePageOffersNewStudyWhichOpensTheDesignerFromATemplate(FxRobot robot) throws Exception {
    robot.clickOn("#welcomeNewStudy");
    GuiTestSupport.waitUntil(robot, () -> robot.lookup("#startTemplate").tryQuery().isPresent());
    robot.clickOn("OK");
    GuiTestSupport.waitUntil(robot, () -> designers().size() == 1 && designers().get(0).isShowing());
    assertEquals("Study designer — unsaved study", designers().get(0).getTitle());
    assertTrue(robot.lookup("#studyName").tryQuery().isPresent());
    assertEquals("branin", robot.lookup("#studyName").queryTextInputControl().getText());
  }
}
