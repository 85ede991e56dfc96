package org.tunelab.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A study run by TuneLab's own command line ({@code tunelab run SPEC}) in a separate, headless
 * process, as the desktop app starts one. The process has its own session (on Linux, through
 * {@code setsid}), no input, and its stdout and stderr appended to one file; it does not belong to
 * the process that started it, so it goes on when that one exits. Steer it through the store
 * ({@link StudyControl}) and watch it there ({@link RunStatus}, the trials).
 *
 * <pre>{@code
 * BackgroundRun run = BackgroundRun.start(Path.of("study.yaml"), Path.of("studies.db-logs/run.out"), List.of());
 * run.onExit().thenAccept(code -> ...);
 * }</pre>
 */
public final class BackgroundRun {
  /** The class both the jar launcher and an installed app start with. */
  static final String MAIN_CLASS = "org.tunelab.launcher.TuneLabMain";

  private final Process process;
  private final Path output;
  private final List<String> command;

  private BackgroundRun(Process process, Path output, List<String> command) {
    this.process = process;
    this.output = output;
    this.command = command;
  }

  /**
   * Starts {@code tunelab run SPEC ARGS...}.
   *
   * @param output where its stdout and stderr are appended (parent directories are created)
   * @param extraArgs more options of {@code tunelab run}, such as {@code --slots 4}
   * @throws IOException when the process cannot be started or the output file not created
   */
  public static BackgroundRun start(Path specFile, Path output, List<String> extraArgs) throws IOException {
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(output, "output");
    List<String> command = command(specFile.toAbsolutePath(), extraArgs);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
        .redirectErrorStream(true);
    File workdir = specFile.toAbsolutePath().getParent() == null ? null : specFile.toAbsolutePath().getParent().toFile();
    if (workdir != null) builder.directory(workdir);
    return new BackgroundRun(builder.start(), output, command);
  }

  /**
   * The command line: this program again with {@code run}. An installed app (jpackage) names its
   * launcher in {@code jpackage.app-path}, which takes {@code run SPEC} itself; otherwise the java
   * binary of this JVM with this class path.
   */
  static List<String> command(Path specFile, List<String> extraArgs) {
    List<String> cmd = new ArrayList<>();
    Path setsid = setsid();
    if (setsid != null) cmd.add(setsid.toString());
    String appPath = System.getProperty("jpackage.app-path");
    if (appPath != null && Files.isExecutable(Path.of(appPath))) {
      cmd.add(appPath);
    } else {
      cmd.add(javaBinary());
      cmd.add("-Dfile.encoding=UTF-8");
      cmd.add("-cp");
      cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
      cmd.add(MAIN_CLASS);
    }
    cmd.add("run");
    cmd.add(specFile.toString());
    cmd.addAll(extraArgs);
    return List.copyOf(cmd);
  }

  /** The class path with relative entries made absolute: the run starts in the spec's directory. */
  static String absoluteClassPath(String classPath) {
    String cwd = System.getProperty("user.dir");
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (entry.isEmpty()) continue;
      // A string test, not Path: a wildcard entry (lib/*) is no valid path on every system.
      boolean absolute = entry.startsWith("/") || entry.startsWith("\\") || entry.matches("^[A-Za-z]:[\\/].*");
      out.add(absolute ? entry : cwd + File.separator + entry);
    }
    return String.join(File.pathSeparator, out);
  }

  private static String javaBinary() {
    Path home = Path.of(System.getProperty("java.home"));
    Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    if (Files.isExecutable(java)) return java.toString();
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** {@code setsid} on Linux, so the run has its own session and no terminal hang-up reaches it. */
  private static Path setsid() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The file its stdout and stderr go to. */
  public Path output() {
    return output;
  }

  /** The command line it was started with. */
  public List<String> command() {
    return command;
  }

  /** Completes with the exit code when the process ends (0 for a finished run). */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /**
   * The last {@code maxLines} lines of its output, for an error message; empty when there is
   * none or it cannot be read.
   */
  public String outputTail(int maxLines) {
    try {
      List<String> lines = Files.readAllLines(output);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }
}
