package org.tunelab.app.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunelab.app.DialogService;

/** A {@link DialogService} whose file choosers answer from fields and which records the errors shown. */
final class AnsweringDialogs implements DialogService {
  final List<String> errors = new ArrayList<>();
  Path saveAnswer;
  Path openAnswer;

  @Override
  public void showError(String title, String message, Throwable details) {
    errors.add(title + ": " + message);
  }

  @Override
  public void showInformation(String title, String message) {}

  @Override
  public Optional<Path> showOpenDatabaseDialog(Path initialDirectory) {
    return Optional.empty();
  }

  @Override
  public Optional<Path> showSaveDialog(String title, String suggestedName, List<String> extensions) {
    return Optional.ofNullable(saveAnswer);
  }

  @Override
  public Optional<Path> showOpenFileDialog(String title, List<String> extensions) {
    return Optional.ofNullable(openAnswer);
  }
}
