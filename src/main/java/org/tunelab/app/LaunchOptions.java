package org.tunelab.app;

import java.util.List;
import java.util.Optional;

/**
 * The app's command line: {@code [--demo] [DATABASE]}, where DATABASE is a path or an Optuna
 * {@code sqlite:///} URL. A leading {@code app} (as in {@code ./tunelab app study.db}) is accepted.
 *
 * @param database what to open at start, if anything
 * @param demo whether to create and run the demo study at start
 */
public record LaunchOptions(Optional<String> database, boolean demo) {

  public static final String USAGE = "usage: tunelab app [--demo] [DATABASE]";

  /** Parses the arguments; throws {@link IllegalArgumentException} with a usage line for anything else. */
  public static LaunchOptions parse(List<String> args) {
    List<String> rest = !args.isEmpty() && args.get(0).equals("app") ? args.subList(1, args.size()) : args;
    String database = null;
    boolean demo = false;
    for (String a : rest) {
      if (a.equals("--demo")) {
        demo = true;
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
      } else if (database == null) {
        database = a;
      } else {
        throw new IllegalArgumentException("only one database can be opened, got " + database + " and " + a + "; " + USAGE);
      }
    }
    return new LaunchOptions(Optional.ofNullable(database), demo);
  }

}
