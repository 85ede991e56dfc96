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

  List<Shown> errors() {
    return shown.stream().filter(s -> s.kind().equals("error")).toList();
  }
}
