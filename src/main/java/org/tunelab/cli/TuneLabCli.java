package org.tunelab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tunelab.spec.SpecException;
import org.tunelab.spec.SpecMismatchException;
import org.tunelab.storage.StorageException;
import org.tunelab.storage.StudyNotFoundException;
import org.tunelab.study.TuneLabVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code tunelab} command line. Errors print as one line on stderr ({@code tunelab: error: ...};
 * a spec error prints one line per problem) and exit with a code from {@link ExitCode}; the stack
 * trace only with {@code --debug}.
 *
 * <pre>{@code
 * int code = TuneLabCli.execute(new String[] {"studies", "sqlite:///studies.db"}, out, err);
 * }</pre>
 */
@Command(name = "tunelab", mixinStandardHelpOptions = true, versionProvider = TuneLabCli.Version.class,
    description = "Hyperparameter optimization with an Optuna-compatible SQLite store.",
    subcommands = {RunCommand.class, StudiesCommand.class, TrialsCommand.class, BenchStorageCommand.class, HostsCommand.class,
        RecoverCommand.class, PauseCommand.class, ResumeCommand.class, StopCommand.class, SlotsCommand.class,
        PlotCommand.class, ImportanceCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:runtime or storage error", "2:usage error or invalid spec",
        "3:study not found", "130:interrupted (Ctrl+C)"})
public final class TuneLabCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Log everything; show stack traces.")
  boolean debug;

  public static void main(String[] args) {
    // Logging is the launcher's business: configured here, not in execute(), which tests call in process.
    CliLogging.configure(Arrays.asList(args).contains("--debug"));
    // Stdout and stderr in UTF-8 whatever the locale: study names are often not ASCII.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in this process, as {@link #main} does, and returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new TuneLabCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, err, debug));
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("tunelab: error: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("see: tunelab " + (e.getCommandLine().getCommandName().equals("tunelab") ? ""
          : e.getCommandLine().getCommandName() + " ") + "--help");
      err.flush();
      return ExitCode.USAGE;
    });
    return cli.execute(args);
  }

  private static int handle(Exception e, PrintWriter err, boolean debug) {
    if (shuttingDown()) {
      // Ctrl+C: the study's shutdown hook failed the running trials under the worker's feet; what the
      // worker ran into next is a consequence, not the news.
      err.println("tunelab: interrupted; trials that were running are marked FAIL");
      if (debug) e.printStackTrace(err);
      err.flush();
      return ExitCode.INTERRUPTED;
    }
    int code;
    if (e instanceof CliException c) code = c.exitCode();
    else if (e instanceof SpecException || e instanceof SpecMismatchException) code = ExitCode.USAGE;
    else if (e instanceof StudyNotFoundException) code = ExitCode.STUDY_NOT_FOUND;
    else code = ExitCode.RUNTIME;
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof SpecException) {
      err.println(message); // already "file:line: field: problem", one per line
    } else if (e instanceof StorageException || e instanceof CliException || e instanceof SpecMismatchException
        || e instanceof org.tunelab.run.ssh.SshException) {
      err.println("tunelab: error: " + message);
    } else {
      err.println("tunelab: error: " + e.getClass().getSimpleName() + ": " + message);
    }
    if (debug) e.printStackTrace(err);
    err.flush();
    return code;
  }

  /** Whether the JVM is exiting (after Ctrl+C or SIGTERM): then no shutdown hook can be added. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tunelab " + TuneLabVersion.get(), "Java " + System.getProperty("java.version")};
    }
  }
}
