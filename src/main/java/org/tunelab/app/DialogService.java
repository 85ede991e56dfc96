package org.tunelab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the app shows goes through here, so view models can ask for one without touching a
 * window and tests can answer them. Methods are called on the UI thread.
 */
public interface DialogService {

  /**
   * Shows an error: a short {@code message} the user can act on, and {@code details} (a stack trace),
   * when not {@code null}, in an expandable area.
   */
  void showError(String title, String message, Throwable details);

  void showInformation(String title, String message);

  /** Asks for a database file to open; empty when the user cancels. */
  Optional<Path> showOpenDatabaseDialog(Path initialDirectory);

  /**
   * Asks where to save a file, offering {@code extensions} (such as {@code png}, {@code svg}) in that
   * order; empty when the user cancels.
   */
  Optional<Path> showSaveDialog(String title, String suggestedName, List<String> extensions);

  /**
   * Asks for a file to open, offering {@code extensions} (such as {@code yaml}); empty when the user
   * cancels. The default answers "cancelled", for services that never open other files.
   */
  default Optional<Path> showOpenFileDialog(String title, List<String> extensions) {
    return Optional.empty();
  }

  /**
   * Asks a question with several answers, {@code choices} in the order shown, the last being the
   * cancel; returns the chosen one, or empty when the dialog was closed without an answer. The
   * default answers empty.
   */
  default Optional<String> choose(String title, String message, List<String> choices) {
    return Optional.empty();
  }
}
