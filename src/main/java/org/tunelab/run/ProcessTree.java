package org.tunelab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Killing a program together with everything it started. The tree is collected while its root is
 * alive: once the root exits, its children are re-parented and no longer found from it. Every
 * program TuneLab runs is registered here; a shutdown hook kills what is left, so that stopping
 * TuneLab (Ctrl+C, SIGTERM, the app closing) leaves no trial program behind.
 */
final class ProcessTree {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static volatile boolean shuttingDown;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shuttingDown = true; // first, so that a runner seeing its program die knows why
      RUNNING.forEach(ProcessTree::kill);
    }, "tunelab-kill-trial-processes"));
  }

  /** Whether the JVM is exiting and trial programs are being killed for it. */
  static boolean isShuttingDown() {
    return shuttingDown;
  }

  private ProcessTree() {}

  static void register(Process process) {
    RUNNING.add(process);
  }

  static void unregister(Process process) {
    RUNNING.remove(process);
  }

  /** The root's descendants now, deepest last; empty once the root has exited. */
  static List<ProcessHandle> descendants(Process process) {
    List<ProcessHandle> out = new ArrayList<>();
    process.descendants().forEach(out::add);
    return out;
  }

  /**
   * Asks the root to stop (SIGTERM), which a program can catch to finish cleanly. Sent through its
   * handle: {@code Process.destroy()} would also close our ends of its pipes, so the program would
   * die of a broken pipe at its next print and its last output would be lost.
   */
  static void terminate(Process process) {
    process.toHandle().destroy();
  }

  /** SIGKILL to the root and all its descendants, children first so none is re-parented and missed. */
  static void kill(Process process) {
    List<ProcessHandle> tree = descendants(process);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.toHandle().destroyForcibly(); // keeps the pipes open, so what it printed last is still read
    killSurvivors(tree);
  }

  /** Kills processes of an earlier snapshot that are still alive, such as grandchildren left behind. */
  static void killSurvivors(List<ProcessHandle> snapshot) {
    for (ProcessHandle h : snapshot) if (h.isAlive()) h.destroyForcibly();
  }
}
