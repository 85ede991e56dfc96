package org.tunelab.app;

import java.net.URL;
import java.util.Objects;

/** The app's look: one CSS file per theme, applied to the scene, dialogs and (through its colours) charts. */
public enum Theme {
  LIGHT("light.css"),
  DARK("dark.css");

  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  /** The stylesheet URL, as {@code Scene.getStylesheets()} wants it. */
  public String stylesheet() {
    URL url = Objects.requireNonNull(Theme.class.getResource(stylesheet), stylesheet);
    return url.toExternalForm();
  }
}
