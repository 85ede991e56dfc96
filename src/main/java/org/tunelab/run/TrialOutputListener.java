package org.tunelab.run;

/**
 * Receives every line a trial's program prints, as it prints it (the app shows them live). Called
 * on the runner's reader threads, one for stdout and one for stderr, so implementations are quick
 * and thread-safe; a listener that throws is logged and ignored. Very long lines arrive cut at
 * {@link OutputPump#MAX_LINE_CHARS}; the log file keeps them whole.
 */
@FunctionalInterface
public interface TrialOutputListener {
  void line(int trialNumber, boolean stderr, String line);
}
