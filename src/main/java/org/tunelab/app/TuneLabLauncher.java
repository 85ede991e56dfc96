package org.tunelab.app;

import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app: {@code tunelab app [--demo] [DATABASE]}. A plain main class, not an
 * {@link Application}, so JavaFX can run from the class path without the module system complaining
 * that its runtime components are missing.
 */
public final class TuneLabLauncher {
  private TuneLabLauncher() {}

  public static void main(String[] args) {
    // the app, like the CLI, configures logging itself; an explicit setting wins
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "org/tunelab/app/logback-app.xml");
    }
    try {
      LaunchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      // before any window exists, the terminal is the only place to say what was wrong
      LoggerFactory.getLogger(TuneLabLauncher.class).error("{}", e.getMessage());
      System.exit(2);
    }
    Application.launch(TuneLabApp.class, args);
  }
}
