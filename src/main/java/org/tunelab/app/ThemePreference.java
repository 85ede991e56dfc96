package org.tunelab.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme the user chose last, kept as {@code theme=light|dark} in the app's settings file. Like
 * the recent files, a settings file that cannot be read or written only costs the preference.
 */
final class ThemePreference {
  private static final Logger LOG = LoggerFactory.getLogger(ThemePreference.class);
  private static final String KEY = "theme";

  private final Path file;

  ThemePreference(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  Theme load() {
    Properties p = read();
    String value = p.getProperty(KEY, "");
    return value.equalsIgnoreCase("dark") ? Theme.DARK : Theme.LIGHT;
  }

  void save(Theme theme) {
    Properties p = read();
    p.setProperty(KEY, theme.name().toLowerCase(Locale.ROOT));
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(w, "TuneLab settings");
      }
    } catch (IOException e) {
      LOG.warn("cannot save settings to {}", file, e);
    }
  }

  private Properties read() {
    Properties p = new Properties();
    if (!Files.isRegularFile(file)) return p;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      LOG.warn("cannot read settings from {}", file, e);
    }
    return p;
  }
}
