package org.tunelab.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the app keeps its files, following the XDG base directory convention: settings under
 * {@code $XDG_CONFIG_HOME/tunelab} (default {@code ~/.config/tunelab}), data such as the demo database
 * under {@code $XDG_DATA_HOME/tunelab} (default {@code ~/.local/share/tunelab}).
 *
 * <pre>{@code
 * AppPaths paths = AppPaths.fromEnvironment();
 * Path demo = paths.demoDatabase();
 * }</pre>
 */
public record AppPaths(Path configDir, Path dataDir) {

  public AppPaths {
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(dataDir, "dataDir");
  }

  public static AppPaths fromEnvironment() {
    return from(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The paths for an environment and home directory; a relative XDG variable is ignored, as the spec says. */
  public static AppPaths from(Map<String, String> env, Path home) {
    Path config = xdg(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
    Path data = xdg(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
    return new AppPaths(config.resolve("tunelab"), data.resolve("tunelab"));
  }

  private static Path xdg(String value, Path fallback) {
    if (value == null || value.isBlank()) return fallback;
    Path p = Path.of(value);
    return p.isAbsolute() ? p : fallback;
  }

  public Path recentFiles() {
    return configDir.resolve("recent.txt");
  }

  public Path settings() {
    return configDir.resolve("settings.properties");
  }

  public Path demoDatabase() {
    return dataDir.resolve("demo.db");
  }
}
