package org.tunelab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that records what it was asked to show and answers file choosers from a field. */
final class RecordingDialogService implements DialogService {
  record Shown(String kind, String title, String message, Throwable details) {}

  final List<Shown> shown = new ArrayList<>();
  Path nextChosenFile;
  /** What the next save dialog answers; {@code null} for cancel. */
  Path nextSavedFile;
  /** What the next open-file dialog answers; {@code null} for cancel. */
  Path nextOpenedFile;
  /** What the next question answers; {@code null} for closing it without an answer. */
  String nextChoice;

  @Override
  public void showError(String title, String message, Throwable details) {
    shown.add(new Shown("error", title, message, details));
  }

  @Override
  public void showInformation(String title, String message) {
    shown.add(new Shown("info", title, message, null));
  }

  @Override
  public Optional<Path> showOpenDatabaseDialog(Path initialDirectory) {
    return Optional.ofNullable(nextChosenFile);
  }

  @Override
  public Optional<Path> showSaveDialog(String title, String suggestedName, List<String> extensions) {
    shown.add(new Shown("save", title, suggestedName, null));
    return Optional.ofNullable(nextSavedFile);
  }

  @Override
  public Optional<Path> showOpenFileDialog(String title, List<String> extensions) {
    shown.add(new Shown("open", title, String.join(",", extensions), null));
    return Optional.ofNullable(nextOpenedFile);
  }

  @Override
  public Optional<String> choose(String title, String message, List<String> choices) {
    shown.add(new Shown("choose", title, message, null));
    return Optional.ofNullable(nextChoice);
  }

  List<Shown> errors() {
    return shown.stream().filter(s -> s.kind().equals("error")).toList();
  }
}
