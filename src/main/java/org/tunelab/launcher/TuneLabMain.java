package org.tunelab.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tunelab.app.TuneLabLauncher;
import org.tunelab.cli.TuneLabCli;

/**
 * {@code TuneLab} opens the desktop app; {@code TuneLab app [--demo] [DATABASE]} and
 * {@code TuneLab FILE.db} do too; anything else is a command-line command ({@code TuneLab run SPEC},
 * {@code TuneLab studies FILE}, ...). One launcher for both, so an installed package has a single
 * program to start. Classes of the face not chosen are never loaded: the command line does not pay
 * for JavaFX.
 */
public final class TuneLabMain {
  private TuneLabMain() {}

  public static void main(String[] args) {
    if (opensApp(args)) {
      TuneLabLauncher.main(args);
    } else {
      TuneLabCli.main(args);
    }
  }

  /** Whether these arguments mean the desktop app rather than a command. */
  static boolean opensApp(String[] args) {
    if (args.length == 0) return true;
    String first = args[0];
    if (first.equals("app") || first.equals("--demo")) return true;
    return args.length == 1 && isDatabaseFile(first);
  }

  private static boolean isDatabaseFile(String arg) {
    String lower = arg.toLowerCase(Locale.ROOT);
    boolean named = lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3")
        || lower.startsWith("sqlite:///");
    return named && (lower.startsWith("sqlite:///") || Files.isRegularFile(Path.of(arg)));
  }
}
