package org.tunelab.study;

import org.tunelab.trial.FrozenTrial;

/**
 * Told about each trial a study finishes in this process. Called on the worker thread that ran the
 * trial, so implementations are quick and thread-safe; a listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface StudyListener {
  void trialFinished(Study study, FrozenTrial trial);
}
