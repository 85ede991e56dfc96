package org.tunelab.run.ssh;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell lines TuneLab sends to a host. Every value that comes from a trial or a spec is quoted
 * with {@link #quote}, so no parameter value ever reaches a shell as code.
 *
 * <p>A trial lives in its own directory on the host: {@code run.sh} (the wrapper), {@code log} (the
 * program's stdout and stderr), {@code pid} (the wrapper's pid, which is also its process group and
 * session id) and, once it ended, {@code exit} (its exit status). The wrapper runs under
 * {@code setsid}, detached from the SSH session, so a dropped connection does not end it. Hosts
 * without util-linux's {@code setsid} or GNU {@code tail --pid} (macOS, BusyBox) are served too:
 * the wrapper gets its own process group through perl or bash's job control, and the log is
 * followed by polling it every 0.1 s.
 */
final class RemoteScripts {
  /** Starts the line that ends a followed log: {@code @@tunelab-end-<nonce> <script status> <exit status>}. */
  static final String END_MARKER = "@@tunelab-end-";
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RemoteScripts() {}

  /** {@code it's} as {@code 'it'\''s'}: one literal word for any POSIX shell. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A remote path for the shell: a leading {@code ~/} becomes {@code "$HOME"/}, the rest is quoted. */
  static String path(String p) {
    if (p.equals("~")) return "\"$HOME\"";
    if (p.startsWith("~/")) return "\"$HOME\"/" + quote(p.substring(2));
    return quote(p);
  }

  /**
   * The wrapper: records its pid, runs the setup line and the program in {@code codeDir} with output
   * appended to the log, and records the exit status. It survives SIGTERM sent to its group (the
   * program does not), so that a killed trial still leaves an exit status behind.
   */
  static String wrapper(String trialDir, String codeDir, List<String> argv, Map<String, String> env, String setup,
      String paramsJson) {
    StringBuilder b = new StringBuilder();
    b.append("T=").append(quote(trialDir)).append('\n');
    b.append("printf '%s' ").append(quote(paramsJson)).append(" > \"$T/params.json\"\n");
    b.append("echo $$ > \"$T/pid.tmp\" && mv \"$T/pid.tmp\" \"$T/pid\"\n");
    // A handler rather than ignoring: ignored signals would stay ignored in the program after exec.
    b.append("trap 'true' TERM INT HUP\n");
    b.append("(\n");
    b.append("  cd ").append(quote(codeDir)).append(" || { echo \"tunelab: no code directory \"")
        .append(quote(codeDir)).append(" >&2; exit 96; }\n");
    b.append("  export PYTHONUNBUFFERED=1\n");
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!ENV_NAME.matcher(e.getKey()).matches()) throw new IllegalArgumentException("not a variable name: " + e.getKey());
      b.append("  export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
    }
    if (setup != null && !setup.isBlank()) {
      b.append("  {\n").append(setup).append("\n  } || { echo \"tunelab: the host's setup line failed: \"")
          .append(quote(setup)).append(" >&2; exit 97; }\n");
    }
    b.append("  exec");
    for (String a : argv) b.append(' ').append(quote(a));
    b.append("\n) >> \"$T/log\" 2>&1 < /dev/null\n");
    b.append("echo $? > \"$T/exit.tmp\" && mv \"$T/exit.tmp\" \"$T/exit\"\n");
    return b.toString();
  }

  /**
   * Starts the trial unless it was already started (so the lines can be sent again after a dropped
   * connection without starting it twice), then follows its log from byte {@code offset} until the
   * wrapper ends. Runs in a subshell of a long-lived shell ({@link RemoteShell}), whose stdin it
   * must not read; ends with the line {@link #END_MARKER}{@code nonce}, on a line of its own (a
   * newline is added when the log ends without one). The nonce is random per trial, so a program
   * cannot print the marker by accident or on purpose.
   */
  static String startAndFollow(String trialDir, String wrapper, long offset, String nonce) {
    String from = "+" + (offset + 1);
    return "T=" + quote(trialDir) + "\n"
        // Asked once per long-lived shell (outside the subshell, so it is kept): GNU tail's --pid.
        + "[ -n \"$TUNELAB_TAIL_PID\" ] || if tail --help 2>&1 | grep -q -- --pid; then TUNELAB_TAIL_PID=1; else TUNELAB_TAIL_PID=0; fi\n"
        + "(\n"
        + "mkdir -p \"$T\" || exit 95\n"
        // The start lock: a file created with noclobber (O_EXCL, atomic, no extra process), so of two
        // starts sent for one trial (a retry after a dropped reply, a second shell) exactly one starts it.
        + "set -C\n"
        + "if { : > \"$T/started\"; } 2>/dev/null; then\n"
        + "  set +C\n"
        + "  printf '%s' " + quote(wrapper) + " > \"$T/run.sh\" && : > \"$T/log\" || exit 95\n"
        + "  if command -v bash >/dev/null 2>&1; then S=bash; else S=sh; fi\n"
        + "  if command -v setsid >/dev/null 2>&1; then\n"
        // bash (the shell RemoteShell prefers) reaps the finished wrapper, so tail --pid sees it end;
        // plain sh would leave a zombie that looks alive, so there the wrapper goes to init instead.
        + "    if [ -n \"$BASH_VERSION\" ]; then setsid \"$S\" \"$T/run.sh\" < /dev/null > /dev/null 2>&1 &\n"
        + "    else ( setsid \"$S\" \"$T/run.sh\" < /dev/null > /dev/null 2>&1 & )\n    fi\n"
        // No setsid (macOS, BusyBox without util-linux): perl's setsid, else bash's job control,
        // which puts a background job in a process group of its own.
        + "  elif command -v perl >/dev/null 2>&1; then\n"
        + "    ( perl -e 'use POSIX; POSIX::setsid(); exec @ARGV' \"$S\" \"$T/run.sh\" < /dev/null > /dev/null 2>&1 & )\n"
        + "  else\n"
        + "    ( set -m; \"$S\" \"$T/run.sh\" < /dev/null > /dev/null 2>&1 & )\n"
        + "  fi\n"
        + "fi\n"
        + "set +C\n"
        + "cd \"$T\" || exit 93\n"
        // Up to 30 s: a loaded host may take long to start the wrapper, and a trial given up here would run on unfollowed.
        + "i=0; while [ ! -s pid ] && [ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done\n"
        + "if [ -f exit ]; then tail -c " + from + " log\n"
        + "elif [ ! -s pid ]; then echo 'tunelab: the trial did not start within 30 s' >&2; exit 92\n"
        + "elif [ \"$TUNELAB_TAIL_PID\" = 1 ]; then tail -c " + from + " -s 0.05 -f --pid=\"$(cat pid)\" log\n"
        + "else\n"
        // No GNU tail --pid: poll. The end is checked before the last read, so that read gets every byte.
        + "  P=$(cat pid); o=" + offset + "; d=\n"
        + "  while :; do\n"
        + "    { [ -f exit ] || ! kill -0 \"$P\" 2>/dev/null; } && d=1\n"
        + "    n=$(wc -c < log); n=$((n + 0))\n"
        + "    if [ \"$n\" -gt \"$o\" ]; then tail -c +$((o + 1)) log | head -c $((n - o)); o=$n; fi\n"
        + "    [ -n \"$d\" ] && break\n"
        + "    sleep 0.1\n"
        + "  done\n"
        + "fi\n"
        + ") < /dev/null\n"
        + "s=$?\n"
        + "[ -n \"$(tail -c 1 \"$T/log\" 2>/dev/null)\" ] && echo\n"
        + "echo \"" + END_MARKER + nonce + " $s $(cat \"$T/exit\" 2>/dev/null || echo missing)\"\n";
  }

  /**
   * Ends the trial's process group: SIGTERM, then SIGKILL after {@code graceTenths} tenths of a second.
   * A second command, not an SSH signal request, which OpenSSH refuses for root sessions and which
   * could not reach a detached group anyway.
   */
  static String kill(String trialDir, int graceTenths) {
    return "T=" + quote(trialDir) + "\n"
        + "P=$(cat \"$T/pid\" 2>/dev/null) || exit 0\n"
        + "kill -TERM -$P 2>/dev/null || exit 0\n"
        + "i=0; while kill -0 -$P 2>/dev/null; do\n"
        + "  i=$((i+1)); if [ $i -ge " + graceTenths + " ]; then kill -KILL -$P 2>/dev/null; break; fi; sleep 0.1\n"
        + "done\n";
  }

  /**
   * What became of a trial whose runner died: prints {@code ended <status>} when its wrapper left an
   * exit status, {@code killed} after ending its still-running group (SIGTERM, SIGKILL after
   * {@code graceTenths}), or {@code gone} when there is no trace of a running program.
   */
  static String reap(String trialDir, int graceTenths) {
    return "T=" + quote(trialDir) + "\n"
        + "if [ -f \"$T/exit\" ]; then echo \"ended $(cat \"$T/exit\")\"; exit 0; fi\n"
        + "P=$(cat \"$T/pid\" 2>/dev/null)\n"
        + "if [ -z \"$P\" ] || ! kill -0 -$P 2>/dev/null; then echo gone; exit 0; fi\n"
        + kill(trialDir, graceTenths)
        + "echo killed\n";
  }
}
