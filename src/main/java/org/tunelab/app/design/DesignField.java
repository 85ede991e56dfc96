package org.tunelab.app.design;

/** The text fields of the designer's forms; each is one {@code StringProperty} of the view model. */
public enum DesignField {
  NAME, STORAGE, OBJECTIVE_KIND, BUILTIN, COMMAND, WORKDIR, ENV, METRIC_REGEX, METRIC_STEP, TRIAL_TIMEOUT,
  SAMPLER_TYPE, PRUNER_TYPE, LOCAL_SLOTS, GPUS, TRIALS, TIMEOUT, WORKERS
}
